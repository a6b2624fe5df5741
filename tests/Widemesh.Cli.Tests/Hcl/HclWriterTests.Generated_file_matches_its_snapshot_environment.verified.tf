resource "widemesh_environment" "web" {
  name = "web"
  # The last rack is where DNS points.
  racks = ["local"]

  lifecycle {
    prevent_destroy = false
  }
}
