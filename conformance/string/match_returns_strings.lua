local a, b = ("12 3.5"):match("(%d+) (%S+)")
print(a, b, math.type(a), type(a), type(b))
print(("007"):match("%d+") + 0, ("x"):match("()") + 0)
