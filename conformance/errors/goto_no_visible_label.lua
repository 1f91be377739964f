-- compile error: goto without a visible label
do
  goto x
end
print("unreachable")
