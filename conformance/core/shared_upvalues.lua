-- closures created in the same scope share upvalues
local function make()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = make()
set(5)
print(get())
set("changed")
print(get())
local x = 1
local function f() return x end
x = 2
print(f())
local function outer()
  local a = 1
  local function mid()
    local function inner() a = a + 1 return a end
    return inner
  end
  return mid(), function() return a end
end
local inc, read = outer()
inc(); inc()
print(read())
