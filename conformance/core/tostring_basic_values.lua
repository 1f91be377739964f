-- tostring of non-number values
print(tostring(nil), tostring(true), tostring(false))
print(tostring("hello"), tostring(""))
print(type(tostring({})), type(tostring(print)))
print(tostring(12), tostring(-3.5))
print(nil, true, false)
