local c <close> = nil
c = 1
