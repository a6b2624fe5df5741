# Managed by mesh — edit freely, mesh keeps your changes.
terraform {
  required_providers {
    widemesh = {
      source  = "widemesh/widemesh"
      version = ">= 0.1.0" # pinned loosely on purpose
    }
  }
}

provider "widemesh" {
  endpoint = "http://127.0.0.1:7070" // local meshd
}

/*
 * Racks
 */
resource "widemesh_rack" "local" {
  name     = "local"
  provider_kind = "local"
}

resource "widemesh_environment" "web" {
  # The last rack is where DNS points.
  name  = "web"
  racks = [widemesh_rack.local.name, "eu-west"] # migrating

  lifecycle {
    prevent_destroy = true
  }
}

import {
  to = widemesh_environment.api
  id = "api"
}

data "widemesh_environment" "existing" { name = "legacy" }
