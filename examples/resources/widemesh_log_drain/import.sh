# A log drain is imported by ENVIRONMENT/ID (list the IDs with `mesh logs drain ls --env shop`).
terraform import widemesh_log_drain.archive shop/drn_0123456789abcdef
