x = "abc
def"