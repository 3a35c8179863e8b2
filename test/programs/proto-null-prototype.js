// Tests objects with null prototype used as dictionaries.
var dict = Object.create(null);
dict.toString = "not a function";
dict.key = "value";
dict["__proto__"] = "just a key";
console.log(Object.keys(dict));
console.log("toString" in dict, "hasOwnProperty" in dict);
try {
  console.log("" + dict);
} catch (e) {
  console.log(e instanceof TypeError);
}
var count = 0;
for (var k in dict) count++;
console.log(count);
console.log(Object.prototype.toString.call(dict));
