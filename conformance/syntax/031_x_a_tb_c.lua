x = "a\tb
c