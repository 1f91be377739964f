-- an invalid sequence while iterating, from Lua code
for p, c in utf8.codes("ab\xffc") do
  print(p, c)
end
