if x then

else

