resource "widemesh_rack" "main" {
  name = "main"
}
