-- lua-uri (Debian lua-uri): parse, normalize and resolve URIs.
package.path = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local URI = require("uri")

local inputs = {
  "HTTP://Example.COM:80/a/./b/../c?q=1#frag",
  "https://example.com:443/%7Euser/%41%42",
  "http://example.com",
  "ftp://user:pw@ftp.example.org/pub/file.txt;type=i",
  "mailto:someone@example.com",
  "urn:isbn:0451450523",
  "file:///etc/hosts",
  "data:text/plain;charset=utf-8,Hello%20World",
  "telnet://host:23/",
  "http://[::1]:8080/ipv6",
  "http://user@example.com/",
  "not a uri",
  "http://exa mple.com/",
  "rtsp://media.example.com:554/stream",
}
for _, s in ipairs(inputs) do
  local u, err = URI:new(s)
  if u then
    print(tostring(u), u:scheme(), u._NAME or "", u.host and u:host() or "-", u.port and u:port() or "-",
      u:path(), u:query(), u:fragment())
  else
    print("error", s, err)
  end
end

local base = assert(URI:new("http://a/b/c/d;p?q"))
for _, rel in ipairs({"g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../../g", ";x", ""}) do
  local r = assert(URI:new(rel, base))
  print(rel, tostring(r))
end

local u = assert(URI:new("http://example.com/path?x=1"))
u:path("/new path/é")
u:query("a=b&c=d")
u:fragment("top")
u:host("Other.Example")
u:port(8080)
print(u, u:is_relative(), u:uri())
print(URI:new("/relative/only"):is_relative(), URI:new("http://e.com/"):eq("HTTP://E.COM:80/"))
local target = assert(URI:new("http://e.com/a/x/y"))
target:relativize(assert(URI:new("http://e.com/a/b/c")))
print(target)
print(pcall(function() return URI:new("http://e.com/"):port("x") end))
