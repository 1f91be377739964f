for i = 1, 2 #x do end
