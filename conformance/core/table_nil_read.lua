-- reading a missing or nil key yields nil
local t = {a = 1}
print(t[nil])
print(t.b, t[1], t[0/0])
print(t[true], t[false])
t.a = nil
print(t.a, next(t))
