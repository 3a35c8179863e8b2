// Tests direct eval: reading and writing local variables, closures, this and arguments.
function f(a) {
  const local = "local value";
  let counter = 1;
  const r1 = eval("local + ' / ' + a");
  eval("counter += 10");
  const r2 = eval("(function () { return counter * 2; })()");
  const r3 = eval("arguments.length + ':' + arguments[1]");
  return [r1, counter, r2, r3].join(" | ");
}
console.log(f("arg0", "arg1"));
const obj = {
  tag: "obj tag",
  m() {
    return eval("this.tag");
  },
  arrow() {
    return (() => eval("this.tag"))();
  },
};
console.log(obj.m(), obj.arrow());
// eval sees block-scoped bindings in the current block
function blocks() {
  let x = "outer";
  {
    let x = "inner";
    return eval("x");
  }
}
console.log(blocks());
// eval can create closures over locals that outlive the call
function makeGetter() {
  let secret = 42;
  return eval("() => secret++");
}
const g = makeGetter();
console.log(g(), g(), g());
// nested direct eval
function nested() {
  const depth = "d";
  return eval("eval('eval(\"depth + 3\")')");
}
console.log(nested());
// eval returns the completion value of the last statement
console.log(eval("1; 2; 3"), eval("var t = 5; t * 2"), eval(""), eval("{}"), eval("({})") instanceof Object);
// syntax errors are thrown as SyntaxError at runtime
try {
  eval("let = ;");
} catch (e) {
  console.log("eval syntax:", e.constructor.name);
}
// eval of non-strings returns the argument unchanged
const o = { k: 1 };
console.log(eval(42), eval(o) === o, eval(null), eval(), eval(new String("1+1")) instanceof String);
// errors thrown inside eval propagate
try {
  eval("throw new RangeError('from eval')");
} catch (e) {
  console.log(e.constructor.name, e.message);
}
