# Step 2 of a migration: remove the old rack only once every resolver answers the new one.
data "widemesh_dns_propagation" "shop" {
  environment = "shop"
  resolvers   = ["127.0.0.1:5353", "10.0.0.2"]
}

output "shop_propagated" {
  value = data.widemesh_dns_propagation.shop.propagated
}

check "shop_dns" {
  assert {
    condition     = data.widemesh_dns_propagation.shop.propagated
    error_message = "Not every resolver answers ${data.widemesh_dns_propagation.shop.expected_address} for ${data.widemesh_dns_propagation.shop.hostname} yet: wait, then remove the old rack."
  }
}
