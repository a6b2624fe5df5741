resource "widemesh_environment" "shop" {
  name  = "shop"
  racks = ["eu-local"]
}

# Forward every log line of the environment to a syslog server over TLS.
resource "widemesh_log_drain" "archive" {
  environment = widemesh_environment.shop.name
  url         = "syslog+tls://logs.example.com:6514"
}
