// GeneratorFunction, AsyncFunction and AsyncGeneratorFunction: reachable as the
// constructors of those functions' prototypes, building functions from source.
const GF = Object.getPrototypeOf(function* () {}).constructor;
const AF = Object.getPrototypeOf(async function () {}).constructor;
const AGF = Object.getPrototypeOf(async function* () {}).constructor;
console.log(GF.name, AF.name, AGF.name, GF.length, AF.length, AGF.length);
console.log(Object.getPrototypeOf(GF) === Function, Object.getPrototypeOf(GF.prototype) === Function.prototype);
console.log(GF.prototype[Symbol.toStringTag], AF.prototype[Symbol.toStringTag], AGF.prototype[Symbol.toStringTag]);
console.log(Object.getOwnPropertyNames(GF.prototype), Object.getOwnPropertyNames(AF.prototype), Object.getOwnPropertyNames(AGF.prototype));
console.log(GF.prototype.prototype === Object.getPrototypeOf(function* () {}.prototype));
console.log(AGF.prototype.prototype === Object.getPrototypeOf(async function* () {}.prototype));
console.log(Object.getOwnPropertyDescriptor(GF.prototype, "constructor"), Object.getOwnPropertyDescriptor(GF, "prototype").writable);
const g = new GF("a", "b", "yield a; yield b;");
console.log([...g(1, 2)], g.name, Object.getPrototypeOf(g) === GF.prototype, String(g));
console.log(g, AF("x", "return x"), AGF(""), class { *m() {} async n() {} }.prototype.m);
console.log(Object.prototype.toString.call(g), Object.prototype.toString.call(async () => {}));
try {
  GF("yield +");
} catch (e) {
  console.log(e.name);
}
AF("x", "return await x * 2")(21).then((v) => console.log("async", v));
(async () => {
  const out = [];
  for await (const v of AGF("yield 1; yield await Promise.resolve(2);")()) out.push(v);
  console.log("async gen", out);
})();
