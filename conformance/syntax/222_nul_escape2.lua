x = "a\u{0}b\q"
