print("never runs")
if true then break end
