print(pcall(function() undefined_fn() end))
undefined_fn2(1, 2)
