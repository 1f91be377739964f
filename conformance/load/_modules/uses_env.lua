return x, y
