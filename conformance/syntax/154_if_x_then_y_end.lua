if x
then y
end