# file with a byte order mark
name = "bom"
