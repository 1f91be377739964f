a, f "x" .. y
