-- indexing an undefined global
print("before")
local v = undefined_thing.field
