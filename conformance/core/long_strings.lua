-- long bracket strings
print([[hello]])
print([[
first newline is skipped]])
print([==[contains ]] and ]=] inside]==])
print([[no \n escapes \t here]])
local s = [[
a
b]]
print(#s)
print([=[
]=] == "")
print([[

two]])
