-- Metamethods called by an instruction are named after their event.
local function who() local i = debug.getinfo(2, "n") return tostring(i.namewhat) .. ":" .. tostring(i.name) end
local function report() print(who()) return 1 end
local mt = {}
for _, ev in ipairs({"__index", "__newindex", "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm",
  "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot", "__concat", "__len", "__eq", "__lt", "__le",
  "__call", "__close"}) do
  mt[ev] = report
end
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local _ = a.x
a.y = 1
_ = a + 1; _ = a - 1; _ = a * 2; _ = a / 2; _ = a % 2; _ = a ^ 2; _ = -a; _ = a // 2
_ = a & 1; _ = a | 1; _ = a ~ 1; _ = a << 1; _ = a >> 1; _ = ~a; _ = a .. "x"; _ = #a
_ = a == b; _ = a < b; _ = a <= b; _ = a > b; _ = a >= b; _ = a < 1; _ = 1 <= a
a()
do local c <close> = a end
for _ in report do break end
