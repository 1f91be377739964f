-- Tracebacks name each function the way its caller called it.
local function lf() print(debug.traceback("msg")) end
function gf() lf() end
local t = {}
function t.field() gf() end
function t:meth() t.field() end
local up = function() t:meth() end
local function viaup() up() end
viaup()
