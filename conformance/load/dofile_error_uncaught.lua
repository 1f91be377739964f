-- An error in a file run by dofile, uncaught.
print("before")
dofile("load/_modules/runtime_error.lua")
print("not reached")
