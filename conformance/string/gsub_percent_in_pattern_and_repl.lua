print(("100%"):gsub("%%", "%%%%"))
print(("a.b.c"):gsub("%.", "%%"))
print(("path/to/file"):gsub("/", "%%2F"))
print(("%d %s"):gsub("%%(%a)", "<%1>"))
