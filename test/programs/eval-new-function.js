// Tests new Function(...): parameter forms, body, length/name, return values and errors.
const add = new Function("a", "b", "return a + b");
console.log(add(2, 3), add.length, add.name, typeof add);
const add3 = new Function("a, b", "c", "return a + b + c");
console.log(add3(1, 2, 3), add3.length);
const withDefaults = new Function("a = 10", "...rest", "return a + rest.length");
console.log(withDefaults(), withDefaults(1, 2, 3), withDefaults.length);
const destructured = new Function("{ x, y }", "[z]", "return x + y + z");
console.log(destructured({ x: 1, y: 2 }, [3]));
const noArgs = new Function("return 'no params'");
console.log(noArgs(), noArgs.length);
const empty = new Function();
console.log(empty(), empty.length);
const callWithoutNew = Function("x", "return x * 2");
console.log(callWithoutNew(21));
// the body can declare functions and use arguments/this
const complex = new Function(
  "n",
  `
  function fact(k) { return k <= 1 ? 1 : k * fact(k - 1); }
  return [fact(n), arguments.length, typeof this].join(",");
`,
);
console.log(complex(5));
console.log(complex.call({ o: 1 }, 3));
// created functions are sloppy unless the body says otherwise
const sloppyThis = new Function("return this === globalThis");
const strictThis = new Function("'use strict'; return this");
console.log(sloppyThis(), strictThis());
// syntax errors at creation time
try {
  new Function("return (");
} catch (e) {
  console.log("bad body:", e.constructor.name);
}
try {
  new Function("a b", "return 1");
} catch (e) {
  console.log("bad params:", e.constructor.name);
}
// parameters are converted to strings
const numParam = new Function({ toString: () => "p" }, "return p");
console.log(numParam("from toString"));
// instanceof and prototype
console.log(add instanceof Function, Object.getPrototypeOf(add) === Function.prototype, "prototype" in add);
const Ctor = new Function("v", "this.v = v");
console.log(new Ctor(9).v);
