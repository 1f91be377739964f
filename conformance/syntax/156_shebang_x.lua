#!shebang
x =