-- ltn12 (the pure-Lua part of Debian's lua-socket): sources, filters, sinks and pumps.
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.1/?.lua"
package.cpath = ""
local ltn12 = require("ltn12")
print(ltn12._VERSION, ltn12.BLOCKSIZE)

local function collect(src)
  local out = {}
  assert(ltn12.pump.all(src, ((ltn12.sink.table(out)))))
  return table.concat(out, "|")
end

-- a string source delivers BLOCKSIZE chunks
local big = string.rep("0123456789", 500)
local chunks = {}
ltn12.pump.all(ltn12.source.string(big), (ltn12.sink.table(chunks)))
print(#chunks, #chunks[1], #chunks[#chunks])

print(collect(ltn12.source.table({"a", "b", "c"})))
print(collect(ltn12.source.cat(ltn12.source.string("one"), ltn12.source.empty(), ltn12.source.string("two"))))

-- filters: upper-case, then a stateful line counter, chained
local upper = function(chunk) return chunk and chunk:upper() end
local function numbered()
  local n = 0
  local pending = ""
  return function(chunk)
    if chunk == nil then
      if pending == "" then return nil end
      n = n + 1
      local last = n .. ": " .. pending
      pending = ""
      return last
    end
    pending = pending .. chunk
    local out = {}
    for line in pending:gmatch("([^\n]*)\n") do
      n = n + 1
      out[#out + 1] = n .. ": " .. line .. "\n"
    end
    pending = pending:match("([^\n]*)$")
    return table.concat(out)
  end
end
local text = ltn12.source.table({"first li", "ne\nsecond\nthi", "rd line"})
print(collect(ltn12.source.chain(text, ltn12.filter.chain(upper, numbered()))))

-- cycle filter: a running checksum
local sum = ltn12.filter.cycle(function(ctx, chunk)
  if not chunk then return nil, ctx end
  if chunk == "" then return "", ctx end
  local s = ctx
  for i = 1, #chunk do s = (s * 31 + chunk:byte(i)) % 65521 end
  return tostring(s) .. ";", s
end, 7)
print(collect(ltn12.source.chain(ltn12.source.table({"abc", "def", "ghi"}), sum)))

-- sink chain, rewind, errors, null sink
local got = {}
local snk = ltn12.sink.chain(upper, (ltn12.sink.table(got)))
ltn12.pump.all(ltn12.source.string("chained sink"), snk)
print(table.concat(got))
local r = ltn12.source.rewind(ltn12.source.string("xy"))
local first = r()
r(first)
print(r(), r(), r())
print(ltn12.pump.all(ltn12.source.error("broken source"), ltn12.sink.null()))
print(ltn12.pump.all(ltn12.source.string("data"), ltn12.sink.error("broken sink")))
print(ltn12.pump.step(ltn12.source.string("abc"), ltn12.sink.null()))
local simple = ltn12.source.simplify(function() return "", ltn12.source.string("after") end)
print(simple(), simple())
