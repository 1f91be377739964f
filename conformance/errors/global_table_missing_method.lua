-- calling a missing method on a table in a global
Obj = {}
Obj:nothing(1)
