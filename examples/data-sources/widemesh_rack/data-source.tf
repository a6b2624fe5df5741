data "widemesh_rack" "main" {
  name = "main"
}

output "main_rack_provider" {
  value = data.widemesh_rack.main.provider
}
