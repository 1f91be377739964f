-- The package table's fixed parts.
print(package.config)
print(type(package.path), type(package.cpath), type(package.searchers), #package.searchers)
print(type(package.loaded), type(package.preload), type(package.searchpath))
print(type(require))
