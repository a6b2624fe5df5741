locals {
  greeting = "Hello, ${var.name}!"
  escaped  = "Use $${literal} and %%{ literal } \"quoted\" \\ back\tslash\n"
  unicode  = "caf\u00e9 \U0001F600"
  nested   = "outer ${"inner ${var.x} and ${upper("deep ${var.y}")}"} end"
  strip    = "a ${~ var.x ~} b"
  directive = "%{ if var.enabled }on%{ else }off%{ endif }"
  loop      = "%{ for i, v in var.list ~}${i}=${v},%{ endfor ~}"
}

resource "local_file" "script" {
  filename = "run.sh"
  content  = <<EOF
#!/bin/sh
echo "${local.greeting}"
%{ for host in var.hosts ~}
ping -c1 ${host}
%{ endfor ~}
echo done $${HOME}
EOF
}

resource "local_file" "indented" {
  content = <<-EOT
    line one
      line two (indented more)
    ${join(",", var.items)}
    EOT
}

variable "policy" {
  default = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:*"}]
}
POLICY
}

output "empty_heredoc" {
  value = <<E
E
}

output "template_in_list" {
  value = ["${var.a}-${var.b}", <<-X
    inside a list
  X
  , "after"]
}
