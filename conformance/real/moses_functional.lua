-- Moses (Debian lua-moses): functional helpers over arrays and tables.
package.path = "/usr/share/lua/5.3/?.lua"
package.cpath = ""
local M = require("moses")
print(M._VERSION)

local function show(t)
  if type(t) ~= "table" then return tostring(t) end
  local parts = {}
  for i = 1, #t do parts[i] = show(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
local function showkeys(t)
  local ks = M.sort(M.keys(t), function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(ks) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(t[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

print(show(M.range(1, 10, 2)), show(M.range(5)), show(M.map({1, 2, 3}, function(v) return v * 2 end)))
print(M.reduce({1, 2, 3, 4}, function(a, b) return a + b end), M.sum({1, 2, 3}), M.product({1, 2, 3, 4}))
print(show(M.select({1, 2, 3, 4, 5, 6}, function(v) return v % 2 == 0 end)), show(M.reject({1, 2, 3, 4}, function(v) return v > 2 end)))
print(M.all({2, 4}, function(v) return v % 2 == 0 end), M.include({1, 2, 3}, 2), M.detect({5, 6, 7}, 6))
print(show(M.sort({3, 1, 2})), show(M.sortBy({"ccc", "a", "bb"}, function(s) return #s end)))
print(showkeys(M.countBy({1, 2, 3, 4, 5}, function(v) return v % 2 == 0 and "even" or "odd" end)))
print(show(M.flatten({1, {2, {3, {4}}}, 5})), show(M.flatten({1, {2, {3}}}, true)))
print(show(M.unique({1, 1, 2, 3, 3, 3})), show(M.union({1, 2}, {2, 3})), show(M.intersection({1, 2, 3}, {2, 3, 4})))
print(show(M.difference({1, 2, 3, 4}, {2, 4})), show(M.symmetricDifference({1, 2}, {2, 3})))
print(show(M.zip({1, 2}, {"a", "b"})[2]), show(M.append({1}, {2, 3})), show(M.reverse({1, 2, 3})))
print(show(M.first({1, 2, 3, 4}, 2)), show(M.last({1, 2, 3, 4}, 2)), show(M.initial({1, 2, 3}, 1)), show(M.rest({1, 2, 3}, 2)))
print(show(M.chunk({1, 1, 2, 3, 3}, function(v) return v end)), show(M.partition({1, 2, 3, 4, 5}, 2)()))
print(M.max({3, 9, 2}), M.min({3, 9, 2}), show(M.fill({0, 0, 0}, 7, 2)), show(M.zeros(3)))
print(show(M.pluck({{n = 1}, {n = 2}}, "n")), show(M.invoke({"ab", "c"}, string.upper)))
print(showkeys(M.invert({a = 1, b = 2})), showkeys(M.pick({a = 1, b = 2, c = 3}, "a", "c")), showkeys(M.omit({a = 1, b = 2}, "a")))
print(M.isEqual({1, {2}}, {1, {2}}), M.isEmpty({}), M.isArray({1, 2}), M.isCallable(print), M.size({1, 2, 3}))
print(show(M.interleave({1, 3}, {2, 4})), show(M.interpose({1, 2, 3}, 0)), show(M.slice({1, 2, 3, 4}, 2, 3)))
local memo_calls = 0
local slow = M.memoize(function(n) memo_calls = memo_calls + 1 return n * n end)
print(slow(4), slow(4), memo_calls)
local add = function(a, b, c) return a + b + c end
print(M.partial(add, 1, 2)(3), M.curry(add, 3)(1)(2)(3), M.compose(function(x) return x + 1 end, function(x) return x * 2 end)(5))
local once = M.once(function(x) return x end)
print(once(1), once(2))
print(M.bind(string.rep, "ab")(3), M.flip(function(a, b) return a .. b end)("x", "y"))
print(M.chain({1, 2, 3, 4}):map(function(v) return v * 3 end):filter(function(v) return v > 5 end):value()[1])
print(show(M.shift({1, 2, 3})), M.nth({5, 6, 7}, 2), show(M.powerset({1, 2})[4]))
local perms = {}
for p in M.permutation({1, 2, 3}) do perms[#perms + 1] = table.concat(p) end
table.sort(perms)
print(table.concat(perms, " "))
