-- the main chunk is a vararg function
print(select("#", ...))
local a = ...
print(a)
local t = {...}
print(#t)
