-- An invalid conversion, uncaught.
print(os.date("!%Y", 0))
print(os.date("%Ey", 0))
os.date("%Ez")
