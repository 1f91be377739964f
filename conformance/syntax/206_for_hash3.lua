for i = a.b #x do end
