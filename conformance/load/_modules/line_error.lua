#!shebang

error("on line three")
