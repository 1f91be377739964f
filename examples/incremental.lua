-- Incremental input: the host set `config` first and added `currentUser` later
-- (set_input_field); the script sees both.
--   moonlet --input examples/data/incremental.json examples/incremental.lua

print("Max items: " .. _io.input.config.maxItems)
print("Current user: " .. _io.input.currentUser.name)
_io.output = { greeting = "Hello, " .. _io.input.currentUser.name, limit = _io.input.config.maxItems }
