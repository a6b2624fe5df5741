data "widemesh_racks" "all" {}

output "rack_names" {
  value = data.widemesh_racks.all.names
}
