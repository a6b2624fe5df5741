# Written by mesh export.
# The import blocks adopt what the platform already has.
import {
  to = widemesh_rack.local
  id = "local"
}

resource "widemesh_rack" "local" {
  name          = "local"
  provider_kind = "local"
}

import {
  to = widemesh_environment.api
  id = "api"
}

resource "widemesh_environment" "api" {
  name  = "api"
  racks = [widemesh_rack.local.name]
}
