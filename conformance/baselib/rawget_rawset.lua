local t = {a = 1}
print(rawget(t, "a"), rawget(t, "b"))
print(rawset(t, "b", 2) == t, t.b)
rawset(t, 1.0, "one")
print(rawget(t, 1), math.type(next({[2.0] = true})))
print(rawget(t, nil))
