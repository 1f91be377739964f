-- Walking the stack level by level until getinfo returns nil.
local function walk()
  local level = 1
  while true do
    local i = debug.getinfo(level, "Sln")
    if not i then break end
    print(level, i.what, i.short_src, i.currentline, i.linedefined, tostring(i.name), i.namewhat)
    level = level + 1
  end
end
local function a() walk() end
local function b() a() end
b()
pcall(b)
local co = coroutine.wrap(function() b() end)
co()
