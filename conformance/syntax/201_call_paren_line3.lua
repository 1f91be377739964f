a.b
.c(1
,2
x
