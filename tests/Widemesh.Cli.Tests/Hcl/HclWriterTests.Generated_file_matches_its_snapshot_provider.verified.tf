terraform {
  required_providers {
    widemesh = {
      source  = "widemesh/widemesh"
      version = ">= 0.1.0"
    }
  }
}

provider "widemesh" {
  endpoint = "http://127.0.0.1:7070"
}
