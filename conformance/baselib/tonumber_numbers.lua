-- tonumber on numbers returns them unchanged
print(tonumber(5), tonumber(5.0), tonumber(-0.0), tonumber(math.huge))
print(math.type(tonumber(5)), math.type(tonumber(5.0)))
