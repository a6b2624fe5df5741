# An environment is imported by its name.
terraform import widemesh_environment.shop shop
