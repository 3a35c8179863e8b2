// Tests the prototype relationships of generator functions and generator objects.
function* gf() {}
const GeneratorFunction = Object.getPrototypeOf(gf).constructor;
console.log(GeneratorFunction.name, typeof GeneratorFunction);
const GenFnProto = Object.getPrototypeOf(gf);
console.log(Object.getPrototypeOf(GenFnProto) === Function.prototype);
console.log(GenFnProto[Symbol.toStringTag], Object.prototype.toString.call(gf));
const GenProto = GenFnProto.prototype;
console.log(Object.getPrototypeOf(gf.prototype) === GenProto);
const g = gf();
console.log(Object.getPrototypeOf(g) === gf.prototype);
console.log(GenProto[Symbol.toStringTag], Object.prototype.toString.call(g));
console.log(Object.getOwnPropertyNames(GenProto).sort().join(","));
const IterProto = Object.getPrototypeOf(GenProto);
console.log(typeof IterProto[Symbol.iterator], IterProto[Symbol.iterator].call(g) === g);
console.log(g instanceof gf, g instanceof Object);
console.log(gf.hasOwnProperty("prototype"), gf.prototype.hasOwnProperty("constructor"));
console.log(Object.getOwnPropertyDescriptor(gf, "prototype").writable);
// replacing prototype with a non-object falls back to the intrinsic
gf.prototype = 5;
console.log(Object.getPrototypeOf(gf()) === GenProto);
// GeneratorFunction constructor builds generators from source
const dyn = new GeneratorFunction("a", "yield a; yield a * 2;");
console.log([...dyn(21)].join(","), Object.getPrototypeOf(dyn) === GenFnProto);
// generator methods share the same prototype chain
const obj = { *m() {} };
console.log(Object.getPrototypeOf(obj.m) === GenFnProto, Object.getPrototypeOf(obj.m()) === obj.m.prototype);
console.log(Object.keys(gf).length, gf.length, dyn.length);
