f(

a