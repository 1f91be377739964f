-- ansicolors (Debian lua-ansicolors): %{...} markup to ANSI escape sequences.
package.path = "/usr/share/lua/5.1/?.lua"
package.cpath = ""
local colors = require("ansicolors")
local function visible(s) return (s:gsub("\27", "<ESC>")) end
print(visible(colors("%{red}error%{reset}: plain")))
print(visible(colors("%{bright blue underline}loud")))
print(visible(colors("%{greenbg black}ok") .. "|"))
print(visible(colors("no markup at all")))
print(visible(colors.noReset("%{yellow}warning")))
print(visible(colors("%{}empty and 100%% literal")))
print(pcall(colors, "%{purple}x"))
print(pcall(colors, nil))
