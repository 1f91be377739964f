-- relational operators on numbers and strings
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 ~= 1, 1 == 1)
print(-1 < 0, -1.5 < -1)
print("a" < "b", "a" <= "a", "b" > "a", "b" >= "c")
print(1 == "1", "1" == 1, 1 ~= "1")
print(nil == false, false == false, true ~= false)
print({} == {}, print == print)
local t = {}
print(t == t, t ~= t)
