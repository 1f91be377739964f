-- a label at the end of a block; labels in nested functions are separate
do
  goto finish
  print("skipped")
  ::finish::
end
local function f(x)
  if x then goto out end
  print("x is false")
  ::out::
end
f(true)
f(false)
do
  local a = 1
  goto e
  local b = 2
  ::e::
end
print("ok")
