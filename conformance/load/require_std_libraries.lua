-- The standard libraries are in package.loaded.
print(package.loaded._G == _G, require("_G") == _G)
print(package.loaded.coroutine == coroutine, require("coroutine") == coroutine)
print(package.loaded.math == math, package.loaded.os == os)
print(package.loaded.table == table, package.loaded.io == io)
print(package.loaded.package == package, require("package") == package)
print(select("#", require("os")))
