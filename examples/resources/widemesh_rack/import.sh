# A rack is imported by its name.
terraform import widemesh_rack.local eu-local
