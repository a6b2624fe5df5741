resource "widemesh_rack" "cloud" {
  name          = "cloud"
  rack_provider = "aws"
  region        = "eu-west-1"
}

import {
  to = widemesh_rack.cloud
  id = "cloud"
}
