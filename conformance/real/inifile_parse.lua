-- inifile (Debian lua-inifile): parse and save ini text with its memory backend
-- (its file backend needs io.open, which moonlet leaves out).
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local inifile = require("inifile")
print(inifile._VERSION)

local text = [[
; global comment
[server]
host = example.org
port = 8080
; about timeouts
timeout=2.5
[paths]
root=/var/www
empty=
spaced key = spaced value  
[flags]
debug = true
verbose = false
]]
local function dump(t)
  local sections = {}
  for name in pairs(t) do sections[#sections + 1] = name end
  table.sort(sections)
  for _, name in ipairs(sections) do
    local keys = {}
    for k in pairs(t[name]) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local v = t[name][k]
      print(name, k, type(v), "[" .. tostring(v) .. "]")
    end
  end
end
local conf = inifile.parse(text, "memory")
dump(conf)
print(conf.server.port + 1, math.type(conf.server.port), conf.server.timeout * 2)

conf.server.port = 9090
conf.paths.extra = "added"
conf.new = {key = "value"}
local saved = inifile.save("unused", conf, "memory")
print(saved)
dump(inifile.parse(saved, "memory"))

-- Comments before a section header, and a document without a final newline.
dump(inifile.parse("[s]\na=1\n;note\n[t]\nb=2", "memory"))
print(inifile.save("x", {only = {k = "v"}}, "memory"))
