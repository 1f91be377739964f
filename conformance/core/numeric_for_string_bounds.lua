-- numeric for converts numeric strings in its bounds
for i = "1", 2 do print(i, math.type(i)) end
for i = 1, "2" do print(i, math.type(i)) end
for i = 1, 2, "1" do print(i, math.type(i)) end
for i = "1.5", 2 do print(i, math.type(i)) end
for i = " 0x2 ", 3 do print(i) end
