-- the error position is the line of the failing operation
local t = {}
local v = 1 +
  2 +
  t.missing.x
