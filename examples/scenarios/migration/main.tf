# Two-step migration of an environment from one rack to another (see README.md here).
terraform {
  required_providers {
    widemesh = {
      source = "registry.terraform.io/widemesh/widemesh"
    }
  }
}

provider "widemesh" {}

variable "step" {
  description = "0: on the old rack; 1: on both, DNS on the new rack; 2: on the new rack only."
  type        = number
  default     = 0

  validation {
    condition     = contains([0, 1, 2], var.step)
    error_message = "step must be 0, 1 or 2."
  }
}

resource "widemesh_rack" "old" {
  name = "migration-old"
}

resource "widemesh_rack" "new" {
  name = "migration-new"
}

locals {
  racks_by_step = {
    0 = [widemesh_rack.old.name]
    1 = [widemesh_rack.old.name, widemesh_rack.new.name]
    2 = [widemesh_rack.new.name]
  }
}

resource "widemesh_environment" "app" {
  name  = "migration-app"
  racks = local.racks_by_step[var.step]
}

output "primary_rack" {
  value = widemesh_environment.app.primary_rack
}

output "hostname" {
  value = widemesh_environment.app.hostname
}
