a.b then
