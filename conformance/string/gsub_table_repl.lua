local t = {name = "Lua", version = "5.4", n = 10, f = false}
print(string.gsub("$name $version $missing $n $f", "%$(%w+)", t))
print(string.gsub("abc", "%w", {a = 1, b = 2.5}))
print(string.gsub("abc", "%w", {}))
print(string.gsub("a b", "()", {[1] = "<", [3] = ">"}))
print(string.gsub("abc", ".", {a = "A", c = "C"}))
local mt = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("hello", "l+", mt))
