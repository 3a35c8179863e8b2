// Tests that for-in includes inherited enumerable keys, own keys first, no duplicates.
var base = { inherited: 1, shared: "base" };
var obj = Object.create(base);
obj.own = 2;
obj.shared = "own";
var seen = [];
for (var k in obj) seen.push(k);
console.log(seen.join(","));
var ownOnly = [];
for (var k2 in obj) if (obj.hasOwnProperty(k2)) ownOnly.push(k2);
console.log(ownOnly.join(","));
function F() { this.instance = true; }
F.prototype.method = function () {};
var f = new F();
var fk = [];
for (var k3 in f) fk.push(k3);
console.log(fk.join(","));
var hiddenBase = {};
Object.defineProperty(hiddenBase, "x", { value: 1, enumerable: false });
var sh = Object.create(hiddenBase);
sh.y = 1;
var shk = [];
for (var k4 in sh) shk.push(k4);
console.log(shk.join(","));
