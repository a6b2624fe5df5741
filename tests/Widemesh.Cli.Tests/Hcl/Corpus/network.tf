locals {
  azs         = slice(data.aws_availability_zones.available.names, 0, 3)
  cidr_blocks = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i)]
  tags = merge(var.tags, {
    Name        = "${var.name}-vpc"
    Environment = var.environment
  })
  subnet_map = { for s in aws_subnet.private : s.availability_zone => s.id... }
  enabled    = var.create && length(var.subnets) > 0 ? true : false
}

resource "aws_vpc" "this" {
  count                = var.create ? 1 : 0
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  tags                 = local.tags
}

resource "aws_subnet" "private" {
  for_each          = toset(local.azs)
  vpc_id            = aws_vpc.this[0].id
  availability_zone = each.key
  cidr_block        = local.cidr_blocks[index(local.azs, each.value)]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.this.0.id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}

output "subnet_ids" {
  value       = aws_subnet.private[*].id
  description = "IDs of the private subnets"
}

output "first_names" {
  value = values(aws_subnet.private).*.tags.Name
}

output "parsed" {
  value = provider::aws::arn_parse(aws_vpc.this[0].arn).account_id
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.0"

  identifier = "app-${var.environment}"
  subnet_ids = concat(values(local.subnet_map)...)
  depends_on = [aws_vpc.this]
}
