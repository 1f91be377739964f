print(("aaa"):gsub("^a*", "X"))
print(("aaa"):gsub("^a-", "X"))
print(("aaa"):gsub("^()", "%1"))
print(("xyz"):gsub("^[xy]", string.upper, 5))
