resource "widemesh_environment" "shop" {
  name  = "shop"
  racks = ["old-rack", "new-rack"]
}
