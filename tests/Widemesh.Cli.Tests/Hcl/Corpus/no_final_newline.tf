resource "widemesh_rack" "r" {
  name = "r"
}