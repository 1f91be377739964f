-- os.date with '!' formats fixed times in UTC.
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
print(os.date("!%Y-%m-%d %H:%M:%S", 951782400))   -- 2000-02-29
print(os.date("!%Y-%m-%d %H:%M:%S", 1234567890))
print(os.date("!%Y-%m-%d %H:%M:%S", 2147483647))
print(os.date("!%Y-%m-%d %H:%M:%S", 4102444800))  -- 2100-01-01
print(os.date("!%Y-%m-%d %H:%M:%S", 253402300799)) -- 9999-12-31 23:59:59
