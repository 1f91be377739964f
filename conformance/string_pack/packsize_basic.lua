-- string.packsize of fixed-size formats
print(string.packsize("b"), string.packsize("B"), string.packsize("h"), string.packsize("H"))
print(string.packsize("i"), string.packsize("I"), string.packsize("i1"), string.packsize("I16"))
print(string.packsize("l"), string.packsize("j"), string.packsize("T"), string.packsize("f"))
print(string.packsize("d"), string.packsize("n"), string.packsize("x"), string.packsize("c7"))
print(string.packsize("bhilj"), string.packsize("!bhilj"), string.packsize("! b h i l j"))
print(string.packsize("i3 i5 i7"), string.packsize("<i3>i5=i7"))
print(string.packsize(" "), string.packsize("   b   "))
print(string.packsize("c2147483639"))
