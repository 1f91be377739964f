-- getregistry returns the same table each time.
local r = debug.getregistry()
print(type(r), r == debug.getregistry())
r.mykey = "stored"
print(debug.getregistry().mykey)
print(select('#', debug.getregistry(1, 2)))
