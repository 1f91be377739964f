function f()

