x = [[
abc