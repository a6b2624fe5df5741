# Ünïcödé comments: 日本語, emoji 🚀
locals {
  grüße     = "Grüße aus Köln"
  名前        = "名前"
  emoji     = "🚀 ${var.ship} 🌍"
  combining = "e\u0301"
}

resource "widemesh_environment" "café" {
  name = "cafe" # not café: DNS labels are ASCII
}
