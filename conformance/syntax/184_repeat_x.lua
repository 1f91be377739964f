repeat

x()