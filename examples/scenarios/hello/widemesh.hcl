# The hello application, as `mesh deploy` reads it: a C# web stack, a Python worker stack and a
# Python key-value service. `mesh deploy` runs `build` here, uploads this directory (minus what
# .meshignore lists) as a release, and runs each command with /bin/sh -c in its unpacked copy.
environment = "hello"
build       = "dotnet publish web -c Release -o out/web --nologo -v quiet"

stack "web" {
  command     = "dotnet out/web/web.dll"
  port        = 8080
  public_port = 8080
  environment = { GREETING = "Hello", KV_URL = "http://kv:7000" }
  health_check {
    path = "/health"
  }
}

stack "worker" {
  command     = "/usr/bin/python3 -u worker.py"
  environment = { KV_URL = "http://kv:7000" }
}

service "kv" {
  command = "/usr/bin/python3 -u kv.py"
  port    = 7000
}
