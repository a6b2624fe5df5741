terraform {
  required_providers {
    widemesh = {
      source = "registry.terraform.io/widemesh/widemesh"
    }
  }
}

# Both arguments are optional: endpoint falls back to WIDEMESH_ENDPOINT, then
# http://127.0.0.1:4740; token falls back to WIDEMESH_TOKEN.
provider "widemesh" {
  endpoint = "http://127.0.0.1:4740"
}
