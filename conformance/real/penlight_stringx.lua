-- Penlight: pl.stringx string helpers (split, strip, partition, replace, wrap, ...).
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local stringx = require("pl.stringx")
local List = require("pl.List")

local function show(t) return "[" .. table.concat(t, "|") .. "]" end
print(show(stringx.split("a,b,,c", ",")))
print(show(stringx.split("  leading and   trailing  ")))
print(show(stringx.split("a.b.c.d", ".", 2)))
print(show(stringx.splitlines("one\ntwo\r\nthree\n", true)))
print(stringx.strip("  xx  ") .. "|", stringx.lstrip("..x..", ".") .. "|", stringx.rstrip("x\t \n") .. "|")
print(stringx.partition("key=value=more", "="))
print(stringx.rpartition("key=value=more", "="))
print(stringx.partition("nothing here", "="))
print(stringx.replace("aaa.bbb.aaa", "aaa", "x"), stringx.replace("a%b%c", "%", "%%", 1))
print(stringx.count("abababa", "aba"), stringx.count("abababa", "aba", true))
print(stringx.startswith("moonlet", "moon"), stringx.endswith("file.lua", {".c", ".lua"}))
print(stringx.isdigit("12345"), stringx.isalpha("abc1"), stringx.isspace(" \t"), stringx.islower("abc"), stringx.isalnum("a1"))
print(stringx.join(", ", {"x", "y", "z"}), stringx.capitalize("hello big world"))
print(stringx.ljust("ab", 6, ".") .. "|", stringx.rjust("ab", 6) .. "|", stringx.center("ab", 7, "*") .. "|")
print(stringx.expandtabs("a\tbc\tdef\tg", 4))
print(stringx.shorten("a long sentence here", 10), stringx.shorten("a long sentence here", 10, true))
print(stringx.lines and #List(stringx.lines("1\n2\n3")) or "no lines")
print(stringx.at("hello", 2), stringx.title("the quick BROWN fox"))
print(stringx.quote_string("plain"), stringx.quote_string("has \"quotes\"\nand newline"), stringx.quote_string("]]"))
local text = "The quick brown fox jumps over the lazy dog and keeps running far away from here."
print(show(stringx.wrap(text, 20)))
print(stringx.fill(text, 30))
print(stringx.indent("a\nb\n", 3) .. "|")
print(stringx.dedent("    x\n      y\n    z\n") .. "|")
for w in stringx.lines("alpha\nbeta\ngamma") do io.write(w, ";") end
print()
