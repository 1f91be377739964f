-- WSAPI (Debian lua-wsapi): requests from mock environments (query strings, url-encoded
-- and multipart bodies), responses with headers and cookies, URL helpers.
package.path = "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
package.cpath = ""
local util = require("wsapi.util")
local request = require("wsapi.request")
local response = require("wsapi.response")

local function dump(t, indent)
  indent = indent or ""
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "table" then
      print(indent .. tostring(k) .. ":")
      dump(v, indent .. "  ")
    else
      print(indent .. tostring(k) .. " = " .. tostring(v))
    end
  end
end

print(util.url_encode("a b&c=d/é~"), util.url_decode("a+b%26c%3Dd%2F%C3%A9"), util.sanitize("<b>\"x\" & 'y'</b>"))
print(util.not_empty(""), util.not_empty("x"), util.not_empty(nil))

local get = request.new(util.make_env_get("name=Ana+Maria&tags=a&tags=b&empty=&x%5B1%5D=one&flag"))
print(get.method, get.path_info, get.script_name)
dump(get.GET)
print(get.params.name, get:empty_param("empty"), get:empty_param("name"))
print(get:qs_encode({b = 2}), get:link("/path", {q = "v w"}), get:static_link("/img.png"))

local post = request.new(util.make_env_post("user=bob&pass=s%20cret&list=1&list=2", "application/x-www-form-urlencoded", "page=3"))
print(post.method)
dump(post.POST)
dump(post.GET)

local boundary = "XyZ"
local body = table.concat({
  "--XyZ",
  'Content-Disposition: form-data; name="title"',
  "",
  "Hello multipart",
  "--XyZ",
  'Content-Disposition: form-data; name="upload"; filename="C:\\docs\\note.txt"',
  "Content-Type: text/plain",
  "",
  "file body line 1",
  "file body line 2",
  "--XyZ--",
  "",
}, "\r\n")
local mp = request.new(util.make_env_post(body, "multipart/form-data; boundary=" .. boundary))
print(mp.POST.title)
local up = mp.POST.upload
print(up.name, up.size, up.contents, up["content-type"])

local res = response.new(201, {["X-Custom"] = "yes"})
res:content_type("application/json")
res:write("{", '"ok":true', "}")
res:write({"[", "1", "]"})
res:set_cookie("session", {value = "abc123", path = "/", secure = true, httponly = true})
res:set_cookie("theme", "dark")
res:delete_cookie("old", "/")
local status, headers, iter = res:finish()
print(status)
dump(headers)
local out = {}
for chunk in iter do out[#out + 1] = chunk end
print(table.concat(out))
local redirect = response.new()
print((redirect:redirect("/elsewhere")))
print(redirect.status, redirect.headers["Location"])
