# A rack on this machine.
resource "widemesh_rack" "local" {
  name = "eu-local"
}

# A rack in an AWS region.
resource "widemesh_rack" "aws" {
  name          = "eu-west"
  rack_provider = "aws"
  region        = "eu-west-1"
}
