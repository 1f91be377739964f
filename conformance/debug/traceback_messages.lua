-- Non-string messages come back untouched; numbers become text; nil means no message.
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(true))
print(debug.traceback(false))
print(debug.traceback(nil))
print(debug.traceback())
print(debug.traceback(42))
print(debug.traceback(1.5))
print(debug.traceback("two\nlines"))
print(debug.traceback(print) == print)
print(select('#', debug.traceback(nil, 1)))
