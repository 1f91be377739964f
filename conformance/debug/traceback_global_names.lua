-- Functions stored in global variables or library tables go by that name.
function globalfn() print(debug.traceback("global")) end
globalfn()
local alias = globalfn
alias()
local t = {f = globalfn}
t.f()
coroutine.myhelper = function() print(debug.traceback("in library table")) end
coroutine.myhelper()
