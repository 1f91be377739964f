do

