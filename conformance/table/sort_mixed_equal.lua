-- equal integers and floats: the result follows Lua's partition exactly
local t = {2, 1.0, 1, 2.0, 1, 3, 1.0, 2}
table.sort(t)
local out = {}
for i, v in ipairs(t) do out[i] = math.type(v) == "float" and (v .. "f") or tostring(v) end
print(table.concat(out, " "))
local recs = {}
for i = 1, 12 do recs[i] = {k = i % 3, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
for i, r in ipairs(recs) do out[i] = r.k .. ":" .. r.id end
print(table.concat(out, " ", 1, 12))
