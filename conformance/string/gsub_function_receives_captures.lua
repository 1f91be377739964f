string.gsub("k=v", "(%w)=(%w)", function(a, b, c) print(a, b, c) end)
string.gsub("abc", "b", function(...) print(select("#", ...), ...) end)
string.gsub("abc", "()b()", function(...) print(select("#", ...), ...) end)
string.gsub("abc", "(b)()", function(...) print(select("#", ...), ...) end)
