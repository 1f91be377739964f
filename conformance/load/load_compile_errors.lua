-- Errors found while compiling (not parsing) are returned the same way.
print(load("goto missing"))
print(load("do goto inner end do ::inner:: end"))
print(load("::a:: ::a::"))
print(load("local x <const> = 1 x = 2", "=const"))
print(type(load("local x <close> = nil local y <close> = nil return")))
print(load("for i = 1, 2 do end break"))
print(load("local function f() return ... end"))
