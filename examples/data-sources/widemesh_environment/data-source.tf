data "widemesh_environment" "shop" {
  name = "shop"
}

output "shop_primary_rack" {
  value = data.widemesh_environment.shop.primary_rack
}
