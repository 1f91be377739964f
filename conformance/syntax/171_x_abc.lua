x = [[

abc