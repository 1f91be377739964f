-- Metadata: the host tags the run (request id, version) in _io.meta; the script reads
-- it and adds what it measured.
--   moonlet --input examples/data/request.json --meta examples/data/meta.json examples/metadata.lua

print("Request ID: " .. _io.meta.requestId)
print("Version: " .. _io.meta.version)

local n = 0
for _ in ipairs(_io.input.params.dataset) do n = n + 1 end

_io.meta.itemsProcessed = n
_io.output = { requestId = _io.meta.requestId, processed = n }
