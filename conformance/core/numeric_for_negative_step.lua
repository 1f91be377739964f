-- negative steps
for i = 3, 1, -1 do print(i) end
for i = 10, 1, -3 do print(i) end
for i = 1, 3, -1 do print("never") end
for i = 1.0, 0, -0.25 do print(i) end
for i = -1, -3, -1 do print(i) end
