-- the base functions used by the corpus exist
local names = {"print", "type", "tostring", "tonumber", "pairs", "ipairs", "next", "select",
  "rawget", "rawset", "rawequal", "rawlen", "setmetatable", "getmetatable", "assert",
  "error", "pcall", "xpcall", "collectgarbage"}
for i = 1, #names do print(names[i], type(_ENV[names[i]])) end
print(type(coroutine), type(table.unpack), type(math.type))
