local x
if x > 0 then print("no") end
