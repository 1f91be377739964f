-- method definitions and calls with ':'
local Account = {balance = 0}
function Account:deposit(v) self.balance = self.balance + v return self end
function Account.withdraw(self, v) self.balance = self.balance - v end
Account:deposit(100):deposit(50)
Account:withdraw(30)
print(Account.balance)
Account.deposit(Account, 1)
print(Account.balance)
local obj = {name = "obj", t = {}}
function obj.t:who() return self == obj.t end
print(obj.t:who())
function obj:greet(greeting, ...) return greeting .. ", " .. self.name, select("#", ...) end
print(obj:greet("hello", 1, 2))
