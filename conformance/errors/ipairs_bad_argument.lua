-- in 5.4 ipairs accepts any value; the error comes when the iterator indexes it
print(pcall(ipairs))
print(select("#", ipairs(nil)))
print(pcall(function() for i, v in ipairs(5) do end end))
for i, v in ipairs(nil) do end
