resource "widemesh_environment" "crlf" {
  name  = "crlf"
  racks = ["a", "b"] # windows

  tags = {
    team = "ops"
  }
  script = <<EOT
line1
  ${var.x}
EOT
}
