// Direct eval: closures over eval-made vars, errors, strictness, delete, nested functions.
function counter() {
  eval("var count = 0; function bump() { return ++count; }");
  bump();
  bump();
  return count;
}
console.log(counter());
function errors() {
  const out = [];
  for (const src of ["let = ;", "a b", "return 1", "({)", "x++ ++"]) {
    try {
      eval(src);
    } catch (e) {
      out.push(e instanceof SyntaxError, e.constructor === SyntaxError);
    }
  }
  return out.join(" ");
}
console.log(errors());
function refErr() {
  try {
    eval("missingName");
  } catch (e) {
    return e.constructor.name + ": " + e.message;
  }
}
console.log(refErr());
function deleting() {
  eval("var temp = 1");
  const before = typeof temp;
  const r = delete temp;
  return [before, r, typeof temp].join(",");
}
console.log(deleting());
function inner() {
  let hidden = "h";
  function nested() {
    return eval("hidden + '!'");
  }
  return nested();
}
console.log(inner());
function strictNested() {
  "use strict";
  let x = 1;
  eval("var y = 2; x = x + y");
  return [x, typeof y].join(",");
}
console.log(strictNested());
// eval inside a loop body sees the iteration's binding
const fns = [];
for (let i = 0; i < 3; i++) fns.push(eval("() => i"));
console.log(fns.map((f) => f()).join(","));
// indirect eval through a variable named eval in a local scope
function shadowEval() {
  const eval = (s) => "not eval: " + s;
  return eval("1+1");
}
console.log(shadowEval());
// eval of non-strings and of a String object
console.log(eval(5), eval(undefined), typeof eval(new String("2")));
// eval returning functions that close over parameters
function adder(base) {
  return eval("(x) => base + x");
}
console.log(adder(10)(5));
// eval in generator and async functions
function* gen(k) {
  yield eval("k * 2");
  yield eval("typeof arguments");
}
console.log([...gen(4)].join(","));
async function af(v) {
  const r = eval("v + 1");
  await null;
  return eval("r * 10");
}
af(1).then((v) => console.log("async", v));
// arguments inside eval aliases the parameters in sloppy functions
function alias(p) {
  eval("arguments[0] = 'changed'");
  return p;
}
console.log(alias("orig"));
// new.target and this in eval within a constructor
function Ctor() {
  this.seen = eval("new.target === Ctor && this instanceof Ctor");
}
console.log(new Ctor().seen);
