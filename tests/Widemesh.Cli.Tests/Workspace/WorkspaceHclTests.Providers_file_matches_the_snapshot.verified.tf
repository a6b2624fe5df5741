# Written by mesh. The provider reads its endpoint and token from WIDEMESH_ENDPOINT and
# WIDEMESH_TOKEN (mesh passes them on), so no secret is ever stored in this workspace.
terraform {
  required_providers {
    widemesh = {
      source = "widemesh/widemesh"
    }
  }
}

provider "widemesh" {}
