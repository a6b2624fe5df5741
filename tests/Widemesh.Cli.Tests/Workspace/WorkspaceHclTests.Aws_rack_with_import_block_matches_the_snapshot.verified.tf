resource "widemesh_rack" "cloud" {
  name     = "cloud"
  provider = "aws"
  region   = "eu-west-1"
}

import {
  to = widemesh_rack.cloud
  id = "cloud"
}
