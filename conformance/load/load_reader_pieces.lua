-- A reader may split the source anywhere, even inside tokens and strings.
local pieces = {"local s = 'spl", "it str", "ing' ret", "urn s .", ". ' ' .. 123", "45 + 0", ".", "5", "\n-", "- end"}
local i = 0
local f = load(function()
  i = i + 1
  return pieces[i]
end)
print(f and f(), i)
