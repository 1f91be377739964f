-- a label inside a nested block is not visible
goto inner
do
  ::inner::
end
