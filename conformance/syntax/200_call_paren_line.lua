f
(1
x
