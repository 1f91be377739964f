-- luassert (Debian lua-luassert, with say): assertions, modifiers, matchers, spies,
-- stubs and mocks, and the messages failed assertions raise.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local assert = require("luassert")
local spy = require("luassert.spy")
local stub = require("luassert.stub")
local mock = require("luassert.mock")
local match = require("luassert.match")

local function check(name, f)
  local ok, err = pcall(f)
  if not ok then
    err = type(err) == "table" and tostring(err.message or err) or tostring(err)
    err = err:gsub("0x%x+", "ADDR")
  end
  print(name, ok, ok and "" or err)
end

check("equal", function() assert.are.equal(1, 1) end)
check("equal-fail", function() assert.are.equal(1, 2) end)
check("same", function() assert.are.same({a = {1, 2}}, {a = {1, 2}}) end)
check("same-fail", function() assert.are.same({a = {1, 2}}, {a = {1, 3}}) end)
check("not-same", function() assert.are_not.same({1}, {1}) end)
check("truthy", function() assert.is_truthy(0) end)
check("falsy-fail", function() assert.is_falsy("x") end)
check("true", function() assert.is_true(false) end)
check("nil", function() assert.is_nil(nil) end)
check("number", function() assert.is_number("1") end)
check("error", function() assert.has_error(function() error("boom", 0) end, "boom") end)
check("error-fail", function() assert.has_error(function() end) end)
check("no-error", function() assert.has_no.errors(function() error("x") end) end)
check("error-matches", function() assert.error_matches(function() error("code 42") end, "code %d+") end)
check("matches", function() assert.matches("^h%w+", "hello") end)
check("near", function() assert.is.near(1.0, 1.05, 0.1) end)
check("near-fail", function() assert.is.near(1.0, 1.5, 0.1) end)
check("unique", function() assert.is_unique({1, 2, 2}) end)
check("message", function() assert.are.equal(1, 2, "custom message") end)
check("returned", function() assert.returned_arguments(1, 2, function(...) return ... end) end)
check("plain", function() assert(false, "plain assert") end)
check("plain-ok", function() return assert(1 == 1) end)

local s = spy.new(function(x) return type(x) end)
s(1)
s(2, "extra")
s({key = "v"})
check("spy-called", function() assert.spy(s).was.called(3) end)
check("spy-called-with", function() assert.spy(s).was.called_with(2, "extra") end)
check("spy-called-with-fail", function() assert.spy(s).was.called_with(99) end)
check("spy-matcher", function() assert.spy(s).was.called_with(match.is_table()) end)
check("spy-not-called", function() assert.spy(s).was_not.called() end)
print(#s.calls, s.calls[2].vals[2], s.returnvals and #s.returnvals or "")

local obj = {greet = function(name) return "hi " .. name end, count = 0}
spy.on(obj, "greet")
print(obj.greet("bob"))
check("spy-on", function() assert.spy(obj.greet).was.called_with("bob") end)
obj.greet:revert()
print(type(obj.greet), obj.greet("ann"))

local st = stub(obj, "greet").returns("stubbed", 2)
print(obj.greet("x"))
check("stub-called", function() assert.stub(st).was.called(1) end)
st:revert()
stub(obj, "greet").invokes(function(n) return "invoked " .. n end)
print(obj.greet("y"))
obj.greet:clear()
check("cleared", function() assert.stub(obj.greet).was.called(0) end)

local api = {fetch = function() return "real" end, inner = {deep = function() return 1 end}}
local m = mock(api, true)
print(api.fetch(), api.inner.deep())
check("mock", function() assert.stub(m.fetch).was.called() end)
mock.revert(m)
print(api.fetch())

check("match-any", function() assert.is_true(match.is_any()(nil)) end)
check("match-combo", function()
  local sp = spy.new(function() end)
  sp("text", 5)
  assert.spy(sp).was.called_with(match.is_string(), match.is_number())
  assert.spy(sp).was.called_with(match.matches("^te"), match._)
  assert.spy(sp).was_not.called_with(match.is_not_string(), match._)
end)
assert:register("assertion", "is_even", function(state, args) return args[1] % 2 == 0 end,
  "assertion.is_even.positive", "assertion.is_even.negative")
require("say"):set("assertion.is_even.positive", "Expected %s to be even")
check("custom", function() assert.is_even(3) end)
check("custom-ok", function() assert.is_not_even(3) end)
