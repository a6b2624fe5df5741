resource "widemesh_environment" "web" {
  name  = "web"
  racks = ["local"]

  lifecycle {
    prevent_destroy = false
  }
}
