-- weak values are cleared before finalizers run, weak keys only after
local wv = setmetatable({}, {__mode = "v"})
local wk = setmetatable({}, {__mode = "k"})
do
  local o = setmetatable({}, {__gc = function(o)
    print("in gc: weak value present", wv[1] ~= nil)
    print("in gc: weak key present", wk[o] ~= nil)
  end})
  wv[1] = o
  wk[o] = true
end
collectgarbage()
print("after first collect", wv[1])
collectgarbage()
print("after second collect", next(wk) == nil)
