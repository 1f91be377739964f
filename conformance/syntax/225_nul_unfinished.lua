x = "\x00abc
