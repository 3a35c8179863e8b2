// Tests spread arguments in function calls: mixing positions, arguments.length, this binding.
function show(...args) {
  return args.length + ":" + args.join(",");
}
const arr = [1, 2, 3];
console.log(show(...arr));
console.log(show(0, ...arr, 4));
console.log(show(...arr, ...arr));
console.log(show(...[]));
console.log(show(..."hi", ...new Set([7])));
function count() {
  return arguments.length;
}
console.log(count(...[undefined, undefined]), count(...[, ,]));
const obj = {
  base: 10,
  add(a, b) {
    return this.base + a + b;
  },
};
console.log(obj.add(...[1, 2]));
console.log(obj["add"](...[3, 4]));
console.log(Math.max(...arr, 10, ...[5]));
console.log(String.fromCharCode(...[72, 105]));
console.log([].concat(...[[1], [2, [3]]]).length);
// spread arguments are evaluated left to right together with normal args
const log = [];
function v(x) {
  log.push(x);
  return [x];
}
show(v("a"), ...v("b"), v("c"), ...v("d"));
console.log(log.join(""));
// optional call with spread
const maybe = null;
console.log(maybe?.fn(...arr));
// spreading a large array
const big = Array.from({ length: 1000 }, (_, i) => i);
console.log(Math.max(...big), show(...big).length);
// super call with spread
class P {
  constructor(...a) {
    this.a = a;
  }
}
class C extends P {
  constructor(...a) {
    super(...a, "extra");
  }
}
console.log(new C(1, 2).a.join(","));
// spreading a non-iterable throws TypeError
try {
  show(...{ length: 2 });
} catch (e) {
  console.log("non-iterable:", e.constructor.name);
}
try {
  show(...null);
} catch (e) {
  console.log("null:", e.constructor.name);
}
