while x do

function f()

