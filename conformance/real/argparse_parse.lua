-- argparse (Debian lua-argparse): declare a command line, parse argument lists.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.1/?.lua"
package.cpath = ""
local argparse = require("argparse")
print(argparse.version)

local function build()
  local p = argparse("backup", "Copies files somewhere safe.")
  p:argument("source", "What to copy.")
  p:argument("extra", "More sources."):args("*")
  p:option("-o --output", "Where to put it.", "out.tar")
  p:option("-l --level", "Compression level."):convert(tonumber):default("6")
  p:option("-x --exclude", "Patterns to skip."):count("*")
  p:option("--mode"):choices({"fast", "slow"})
  p:flag("-v --verbose", "Say more."):count("0-3"):target("verbosity")
  p:flag("-q --quiet")
  return p
end

local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "table" then v = "{" .. table.concat(v, ",") .. "}" end
    parts[#parts + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(parts, " ")
end

local lists = {
  {"src"},
  {"src", "a", "b", "-o", "dest.tar", "-l", "9"},
  {"-vvv", "src", "--exclude", "*.o", "-x", "*.tmp", "--mode=fast"},
  {"--output=x.tar", "-qv", "s", "--", "-notanoption"},
  {"-l9", "src"},
}
for _, args in ipairs(lists) do
  print(show(build():parse(args)))
end

local bad = {
  {}, {"src", "--mode", "medium"}, {"src", "--nope"}, {"src", "-vvvv"}, {"src", "-o"},
  {"src", "--verbos"},
}
for _, args in ipairs(bad) do
  local ok, r = build():pparse(args)
  print(ok, type(r) == "table" and show(r) or r)
end
