-- Conversions outside Lua's list are argument errors quoting the rest of the format.
for _, f in ipairs{"%Ez", "%Ez and more", "%", "abc%", "%Q", "%E", "%O", "%Oa", "%EH",
                   "%5d", "%-d", "%l", "%k", "%s", "%P", "%+", "%#c", "!%i"} do
  print(f, pcall(os.date, f, 0))
end
