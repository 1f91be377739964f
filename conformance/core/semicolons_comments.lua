-- empty statements and comments
;;; local a = 1; ;
--[[ long
comment ]] print("after long comment")
--[==[ another
]] still comment ]==] print("after level-2 comment")
-- line comment
print(a) -- trailing comment
