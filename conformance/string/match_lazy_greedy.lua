local s = "<a><b><c>"
print(s:match("<(.*)>"))
print(s:match("<(.-)>"))
print(s:match("<(.+)>"))
print(s:match("<(.?)>"))
print(("aaab"):match("a-b"), ("aaab"):match("a*b"), ("b"):match("a+b"))
print(("ab"):match("a?b"), ("b"):match("a?b"), ("aab"):match("a?b"))
print(("[[x]]"):match("%[(.-)%]"), ("[[x]]"):match("%[(.*)%]"))
print(("abc"):match("a.-$"), ("abc"):match(".-"))
