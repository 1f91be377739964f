-- \z skips following whitespace including newlines
print("abc\z
       def")
print("1\z     2")
print("x\z

   y")
