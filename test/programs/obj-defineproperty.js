// Tests Object.defineProperty data descriptors: writable, enumerable, configurable.
var o = {};
Object.defineProperty(o, "fixed", { value: 1, writable: false, enumerable: true, configurable: false });
Object.defineProperty(o, "hidden", { value: "h", enumerable: false, writable: true });
o.visible = "v";
o.fixed = 2;
console.log(o.fixed, o.hidden, Object.keys(o));
console.log(JSON.stringify(o));
o.hidden = "changed";
console.log(o.hidden);
console.log(delete o.fixed, o.fixed);
try {
  Object.defineProperty(o, "fixed", { value: 3 });
} catch (e) {
  console.log(e instanceof TypeError);
}
var d = {};
Object.defineProperty(d, "defaults", { value: 0 });
d.defaults = 5;
var found = [];
for (var k in d) found.push(k);
console.log(d.defaults, found.length, delete d.defaults);
console.log(d.hasOwnProperty("defaults"), Object.getOwnPropertyNames(d));
