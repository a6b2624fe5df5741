resource "widemesh_environment" "hello" {
  name    = "hello"
  racks   = ["local"]
  release = "rel_0123456789abcdef"

  stack {
    name        = "web"
    command     = "dotnet out/web/web.dll"
    port        = 8080
    public_port = 8080
    environment = {
      GREETING = "Hello"
    }

    health_check {
      path = "/health"
    }
  }

  stack {
    name      = "worker"
    command   = "python3 worker.py"
    instances = 2
  }

  service {
    name    = "kv"
    command = "python3 kv.py"
    port    = 7000
  }
}
