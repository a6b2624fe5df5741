resource "widemesh_rack" "main" {
  name = "main"
}

resource "widemesh_environment" "shop" {
  name = "shop"
  # Ordered: the last rack is the primary one, where DNS points.
  racks = [widemesh_rack.main.name]
  # An uploaded application directory (`mesh deploy` uploads one and writes its id here).
  release = "rel_0123456789abcdef"

  stack {
    name        = "web"
    command     = "dotnet out/web/web.dll"
    instances   = 2
    port        = 8080
    public_port = 8080
    environment = { GREETING = "hello" }

    health_check {
      path = "/health"
    }
  }

  service {
    name    = "kv"
    command = "python3 kv.py"
    port    = 7000
  }
}

output "shop_hostname" {
  value = widemesh_environment.shop.hostname
}
