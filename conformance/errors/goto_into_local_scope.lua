-- compile error: jumping into the scope of a local
do
  goto skip
  local x = 1
  ::skip::
  print(x)
end
