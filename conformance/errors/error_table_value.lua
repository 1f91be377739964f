local err = {code = 42}
local ok, e = pcall(error, err)
print(ok, e == err, e.code)
local ok2, e2 = pcall(function() error({code = 7}, 2) end)
print(ok2, type(e2), e2.code)
