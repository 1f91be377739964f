print(("abc"):gsub("()", {"A", "B", "C", "D"}))
print(("abc"):gsub("()b", {[2] = "X"}))
print(("abc"):gsub("(b)(c)", {b = "first"}))
