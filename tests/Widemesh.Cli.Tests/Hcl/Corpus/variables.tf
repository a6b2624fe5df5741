variable "environment" {
  type        = string
  description = "Environment name"
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}$", var.environment))
    error_message = "Must be a DNS label."
  }
}

variable "settings" {
  type = object({
    racks    = list(string)
    replicas = optional(number, 1)
    labels   = optional(map(string), {})
  })
  sensitive = true
  nullable  = false
}

variable "list_of_maps" {
  type    = list(map(any))
  default = [{ a = "1" }, { b = "2" }]
}

check "health" {
  data "http" "web" {
    url = "https://${var.environment}.example.com"
  }

  assert {
    condition     = data.http.web.status_code == 200
    error_message = "${data.http.web.url} returned ${data.http.web.status_code}"
  }
}

moved {
  from = widemesh_environment.old
  to   = widemesh_environment.new
}

removed {
  from = widemesh_rack.gone
  lifecycle {
    destroy = false
  }
}
