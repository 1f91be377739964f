x = "a\z
   b"; y(