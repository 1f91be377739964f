-- leaving a utf8.codes loop early, and nested loops
local s = "αβγδε"
for p, c in utf8.codes(s) do
  if c == 0x3B3 then print("found", p) break end
end
local pairs_seen = 0
for _, a in utf8.codes("ab") do
  for _, b in utf8.codes("xyz") do pairs_seen = pairs_seen + 1 end
end
print(pairs_seen)
local out = {}
for p, c in utf8.codes("a€b") do out[#out + 1] = p .. "=" .. c end
print(table.concat(out, " "))
