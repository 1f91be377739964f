for i = f() #x do end
