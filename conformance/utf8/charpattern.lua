-- utf8.charpattern is the pattern of one UTF-8 sequence
print(utf8.charpattern)
print(#utf8.charpattern, type(utf8.charpattern))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
