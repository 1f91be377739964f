-- LuaUnit (Debian lua-unit): assertion functions, their failure messages and prettystr.
-- (Its test runner reads os.getenv and os.clock, which moonlet's sandbox leaves out or
-- makes differ, so this case calls the assertions directly.)
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local lu = require("luaunit")
print(lu._VERSION)

local function check(name, f, ...)
  local ok, err = pcall(f, ...)
  if type(err) == "table" then err = "status=" .. tostring(err.status) .. " msg=" .. tostring(err.msg) end
  if type(err) == "string" then err = err:gsub("0x%x+", "ADDR") end
  print(name, ok, err)
end
check("equals", lu.assertEquals, 1, 1)
check("equals-fail", lu.assertEquals, 1, 2)
check("equals-str", lu.assertEquals, "abc\ndef", "abc\nxyz")
check("equals-table", lu.assertEquals, {1, 2, {a = "x"}}, {1, 2, {a = "x"}})
check("equals-table-fail", lu.assertEquals, {1, 2, {a = "x"}}, {1, 2, {a = "y", b = true}})
check("not-equals", lu.assertNotEquals, "a", "a")
check("almost", lu.assertAlmostEquals, 1.0, 1.05, 0.1)
check("almost-fail", lu.assertAlmostEquals, 1.0, 1.5, 0.1)
check("true", lu.assertTrue, 0)
check("false", lu.assertFalse, nil)
check("nil", lu.assertNil, false)
check("is-number", lu.assertIsNumber, "12")
check("is-table", lu.assertIsTable, {})
check("str-contains", lu.assertStrContains, "hello world", "lo w")
check("str-contains-fail", lu.assertStrContains, "hello world", "xyz")
check("str-icontains", lu.assertStrIContains, "Hello World", "WORLD")
check("str-matches", lu.assertStrMatches, "2024-01-05", "%d+%-%d+%-%d+")
check("str-matches-fail", lu.assertStrMatches, "abc", "%d+")
check("error", lu.assertError, error, "boom")
check("error-none", lu.assertError, function() end)
check("error-msg-equals", lu.assertErrorMsgEquals, "exact", function() error("exact", 0) end)
check("error-msg-contains", lu.assertErrorMsgContains, "oo", function() error("boom") end)
check("error-msg-matches", lu.assertErrorMsgMatches, ".*:%d+: boom", function() error("boom") end)
check("items", lu.assertItemsEquals, {1, 2, 3}, {3, 1, 2})
check("items-fail", lu.assertItemsEquals, {1, 2, 3}, {3, 1, 4})
check("is", lu.assertIs, {}, {})
check("has-key", lu.assertTableContains, {1, 2, 3}, 2)
check("fail", lu.fail, "explicit failure")
check("fail-fmt", lu.failIf, true, "should not be true")
check("skip", lu.skip, "not today")
check("eval-eq", lu.assertEvalToTrue, 1)
check("len", lu.assertEquals, #{1, 2, 3}, 4)
check("inf", lu.assertPlusInf, math.huge)
check("nan", lu.assertNaN, 0/0)
check("nan-fail", lu.assertNaN, 1)
check("minus-zero", lu.assertMinusZero, -0.0)
check("minus-zero-fail", lu.assertMinusZero, 0.0)

print(lu.prettystr({1, 2, "three", {nested = true}, key = "v"}))
print(lu.prettystr("a\nb"), lu.prettystr(1.5), lu.prettystr(nil), lu.prettystr({}))
local cyc = {}
cyc.self = cyc
print((lu.prettystr(cyc):gsub("0x%x+", "ADDR")))
