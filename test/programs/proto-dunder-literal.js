// Tests __proto__ in object literals setting the prototype.
var base = { greet: function () { return "hello from " + this.id; } };
var obj = { __proto__: base, id: "obj" };
console.log(obj.greet(), Object.getPrototypeOf(obj) === base);
console.log(Object.keys(obj));
var nullProto = { __proto__: null, x: 1 };
console.log(Object.getPrototypeOf(nullProto) === null, nullProto.x);
var chain = { __proto__: { __proto__: { deep: "deep value" } } };
console.log(chain.deep);
console.log(obj.hasOwnProperty("__proto__"));
