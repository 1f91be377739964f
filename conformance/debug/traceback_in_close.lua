-- A __close handler runs as a metamethod of the block that ends.
local function closer()
  return setmetatable({}, {__close = function() print(debug.traceback("closing")) end})
end
local function f()
  local c <close> = closer()
  print("body")
end
f()
do
  local d <close> = closer()
end
