data "widemesh_environments" "all" {}

output "environment_hostnames" {
  value = [for e in data.widemesh_environments.all.environments : e.hostname]
}
