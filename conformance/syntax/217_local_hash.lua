local a = 1 #x
