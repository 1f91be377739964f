-- The collector runs inside replacement callbacks and between gmatch steps: the
-- subject (here made from a number) and the pattern must survive.
local function pattern() return "(" .. "%d" .. ")" end
print(string.gsub(1234567.25, pattern(), function(d)
  collectgarbage()
  local junk = {}
  for i = 1, 200 do junk[i] = {tostring(i) .. "x"} end
  return d .. "."
end))
local t = setmetatable({}, {__index = function(_, k) collectgarbage() return "<" .. k .. ">" end})
print(string.gsub(string.rep("ab", 30) .. tostring(42), "%d", t))
local it = string.gmatch(9876.5, "%d")
local got = ""
for d in it do collectgarbage() got = got .. d end
print(got)
