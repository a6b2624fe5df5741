resource "widemesh_rack" "main" {
  name = "main"
}

import {
  to = widemesh_rack.main
  id = "main"
}
