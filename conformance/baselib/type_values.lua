-- type of each kind of value
print(type(nil), type(true), type(0), type(1.5), type("s"))
print(type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)))
print(type(type))
print(type(type(nil)))
print(pcall(type))
