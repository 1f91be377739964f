-- os.time reads and writes the date table with metamethods.
local defaults = {year = 2001, month = 2, day = 3}
local writes = {}
local t = setmetatable({}, {
  __index = function(_, k) return defaults[k] end,
  __newindex = function(_, k, v) writes[#writes + 1] = k .. "=" .. tostring(v) end,
})
print(os.time(t))
for _, w in ipairs(writes) do print(w) end
print(rawget(t, "year"))
