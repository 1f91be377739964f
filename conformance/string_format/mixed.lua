-- several conversions in one format, with extra arguments ignored
print(string.format("%s is %d years and %.1f%% done", "Ann", 30, 99.5))
print(string.format("%5s|%-5s|%05d|%x|%c|%q", "ab", "cd", 42, 255, 65, "q"))
print(string.format("%3d. %-10s %8.2f", 1, "apple", 1.5))
print(string.format("%3d. %-10s %8.2f", 10, "banana", 12.25))
print(string.format("%s %s", 1, 2, 3, 4))
print(string.format("[%g] [%g] [%g]", 0.1 + 0.2, 1e-300 * 1e-300, 2^53 + 1))
local parts = {}
for i = 1, 5 do parts[i] = string.format("%02d:%02x", i * 7, i * 37) end
print(table.unpack(parts))
