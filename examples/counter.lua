-- A counter that survives runs: _home persists between runs when the host gives it a
-- store (the CLI: --home FILE).
--   moonlet --home counter.home examples/counter.lua   (run it three times)

_home.runs = (_home.runs or 0) + 1
local history = _home.history or ext.table()
history[#history + 1] = "run " .. _home.runs
_home.history = history
print("run number " .. _home.runs .. ", history: " .. table.concat(history, ", "))
_io.output = { runs = _home.runs }
