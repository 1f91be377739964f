-- f"str" and f{table} call forms
local function show(x) return type(x), x end
print(show"hello")
print(show[[long]])
local function count(t) return #t end
print(count{1, 2, 3})
local function chain(s) return function(t) return s .. #t end end
print(chain"n="{1, 2})
local obj = {}
function obj:m(t) return t.k end
print(obj:m{k = "v"})
