local function join(list, sep)
  local s = ""
  for i = 1, #list do s = s .. (i > 1 and sep or "") .. tostring(list[i]) end
  return s
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  \t hello world \n ") .. "]")
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(join(split("a,b,,c", ","), "|"))
print(join(split("1.2.3", "."), "|"))
print(("CamelCaseString"):gsub("(%u)", " %1"))
print(("snake_case_here"):gsub("_(%a)", string.upper))
