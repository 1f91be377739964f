x = "a\0b\q"
