-- Penlight: pl.class (inheritance, super, properties, _init, is_a, metamethods).
package.path = "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua"
package.cpath = ""
local class = require("pl.class")

local Animal = class()
function Animal:_init(name, legs) self.name = name self.legs = legs or 4 end
function Animal:speak() return self.name .. " makes a sound" end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
function Animal.__eq(a, b) return a.name == b.name end

local Dog = class(Animal)
function Dog:_init(name) self:super(name, 4) self.tricks = {} end
function Dog:speak() return self.name .. " barks" end
function Dog:learn(trick) table.insert(self.tricks, trick) return self end

local Bird = class(Animal)
Bird._name = "Bird"
function Bird:_init(name) Animal._init(self, name, 2) end
function Bird:speak() return Animal.speak(self) .. " (tweet)" end

local d = Dog("Rex"):learn("sit"):learn("roll")
local b = Bird("Tweety")
print(d:speak(), b:speak(), Animal("Generic"):speak())
print(tostring(d), tostring(b), d.legs, b.legs, table.concat(d.tricks, ","))
print(d:is_a(Dog), d:is_a(Animal), d:is_a(Bird), Dog:class_of(d), Animal:class_of(b), Bird:class_of(d))
print(Dog._base == Animal, Dog._class == Dog, rawget(Dog, "_name"), Bird._name)
print(d == Dog("Rex"), d == Dog("Max"))

-- properties
local Temp = class(class.properties)
function Temp:_init(c) self._celsius = c end
function Temp:get_fahrenheit() return self._celsius * 9 / 5 + 32 end
function Temp:set_fahrenheit(f) self._celsius = (f - 32) * 5 / 9 end
local t = Temp(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._celsius)

-- catch-all and class with a plain table body
local Point
Point = class({
  _init = function(self, x, y) self.x, self.y = x, y end,
  __add = function(a, b) return Point(a.x + b.x, a.y + b.y) end,
  __tostring = function(p) return ("(%d, %d)"):format(p.x, p.y) end,
})
print(Point(1, 2) + Point(10, 20))
print(pcall(Dog.learn))

