resource "widemesh_rack" "main" {
  name = "main"
}

resource "widemesh_environment" "shop" {
  name = "shop"
  # Ordered: the last rack is the primary one, where DNS points.
  racks = [widemesh_rack.main.name]
}

output "shop_hostname" {
  value = widemesh_environment.shop.hostname
}
