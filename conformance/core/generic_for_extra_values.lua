-- the iterator receives the state and the control variable
local function iter(state, ctrl)
  print("call", state, ctrl)
  if ctrl < 2 then return ctrl + 1, "v" end
end
for k, v, extra in iter, "S", 0 do print(k, v, extra) end
