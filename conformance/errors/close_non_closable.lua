print(pcall(function() local x <close> = {} end))
print(pcall(function() local y <close> = 42 end))
do
  local z <close> = "str"
end
