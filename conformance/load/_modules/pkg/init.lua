return "pkg from init.lua: " .. (...)
