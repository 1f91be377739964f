-- lua_cliargs (Debian lua-cliargs): options, flags, splats, commands, help text.
package.path = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local cli = require("cliargs")

local function show(args)
  if not args then return "nil" end
  local keys = {}
  for k in pairs(args) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do
    local v = args[k]
    if type(v) == "table" then v = "[" .. table.concat(v, ",") .. "]" end
    parts[#parts + 1] = k .. "=" .. tostring(v)
  end
  return table.concat(parts, " ")
end

cli:set_name("convert")
cli:set_description("Converts input files into the output format.")
cli:argument("INPUT", "path to the input file")
cli:splat("MORE", "further inputs", nil, 3)
cli:option("-o, --output=FILE", "where to write", "out.txt")
cli:option("-f, --format=NAME", "output format", "json")
cli:option("-I, --include=DIR", "directories to search", {})
cli:option("--level=N", "compression level", "5", function(key, value) return tonumber(value) end)
cli:flag("-v, --verbose", "more output")
cli:flag("--[no-]color", "colored output", true)
cli:flag("-q", "quiet")

print(cli:get_usage_message())
cli:print_help()

for _, argv in ipairs({
  {"in.txt"},
  {"in.txt", "a", "b", "-o", "x.json", "--format=yaml", "-v"},
  {"-I", "lib", "--include=src", "in.txt", "--no-color", "--level", "9"},
  {"in.txt", "--", "-notaflag"},
}) do
  print(show(cli:parse(argv, true)))
end
for _, argv in ipairs({
  {}, {"in.txt", "a", "b", "c", "d"}, {"in.txt", "--unknown"}, {"in.txt", "-o"}, {"in.txt", "--verbose=yes"},
}) do
  print(cli:parse(argv, true))
end
cli:cleanup()
print(package.loaded["cliargs"], package.loaded["cliargs.core"])
