a, <close> = 1
