-- Only the first letter after an optional '*' names the format.
print(io.read("line"), io.read("all"), io.read("number"))
print(io.read("*line"), io.read("*all"), io.read("Line"))
print(pcall(io.read, "**l"))
