-- argparse: generated usage and help text, commands, mutexes and error texts.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.1/?.lua"
package.cpath = ""
local argparse = require("argparse")

local p = argparse("git-lite"):description("A tiny version control tool."):epilog("See the manual for more.")
p:flag("-V --version", "Show the version."):action(function() end)
p:option("-C", "Run as if started in <path>."):argname("<path>")
p:command_target("command")
local init = p:command("init i", "Create an empty repository.")
init:argument("dir", "Where."):args("?")
init:flag("--bare", "No working tree.")
local commit = p:command("commit", "Record changes.")
commit:option("-m --message", "The message."):args(1)
commit:flag("-a --all")
commit:flag("--amend")
commit:mutex(commit:flag("--sign"), commit:flag("--no-sign"))
local log = p:command("log"):summary("Show history.")
log:option("-n", "How many."):convert(tonumber)
log:argument("paths"):args("*")

print(p:get_usage())
print("----")
print(p:get_help())
print("----")
print(commit:get_help())
print("----")
print(init:get_usage())

local function show(r)
  local keys = {}
  for k in pairs(r) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do
    local v = r[k]
    if type(v) == "table" then v = "[" .. table.concat(v, " ") .. "]" end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
for _, args in ipairs({
  {"init"}, {"i", "--bare", "repo"}, {"commit", "-am", "msg"}, {"log", "-n", "3", "a.c", "b.c"},
  {"-C", "/tmp", "log"}, {"commit", "--sign", "--no-sign"}, {}, {"comit"}, {"log", "-n"},
}) do
  local ok, r = p:pparse(args)
  print(ok, ok and show(r) or r)
end
