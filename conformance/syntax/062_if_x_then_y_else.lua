if x then
  y()
else
