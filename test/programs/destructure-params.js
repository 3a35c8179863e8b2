// Tests destructuring in function parameters: objects, arrays, defaults, arrows, methods.
function area({ w, h = w }) {
  return w * h;
}
console.log(area({ w: 3 }), area({ w: 3, h: 4 }));
function first([x, y = "y?"]) {
  return x + "," + y;
}
console.log(first(["a"]), first("bc"));
const full = ({ first, last }, sep = " ") => first + sep + last;
console.log(full({ first: "Ada", last: "L" }), full({ first: "A", last: "B" }, "_"));
function withDefault({ a = 1, b = 2 } = {}) {
  return a + b;
}
console.log(withDefault(), withDefault({ a: 10 }), withDefault({ b: undefined }));
function arrayDefault([a, b] = [1, 2]) {
  return a * b;
}
console.log(arrayDefault(), arrayDefault([3, 4]));
const obj = {
  method({ x }, [y]) {
    return x + y;
  },
};
console.log(obj.method({ x: 1 }, [2]));
class K {
  constructor({ name, ...rest }) {
    this.name = name;
    this.restKeys = Object.keys(rest).join(",");
  }
}
const k = new K({ name: "n", p: 1, q: 2 });
console.log(k.name, k.restKeys);
// arguments object reflects the raw arguments
function args({ a }, [b]) {
  return arguments.length + " " + typeof arguments[0] + " " + Array.isArray(arguments[1]);
}
console.log(args({ a: 1 }, [2], "extra"));
// TypeError when destructuring undefined argument
try {
  area();
} catch (e) {
  console.log("area():", e.constructor.name);
}
try {
  first();
} catch (e) {
  console.log("first():", e.constructor.name);
}
// callbacks with destructured params
const entries = Object.entries({ x: 1, y: 2 });
console.log(entries.map(([k, v]) => k + "=" + v).join("&"));
const people = [
  { n: "a", age: 30 },
  { n: "b", age: 20 },
];
console.log(people.filter(({ age }) => age > 25).map(({ n }) => n).join());
console.log(people.sort(({ age: x }, { age: y }) => x - y).map(({ n }) => n).join());
// nested destructured params with rest
const deep = ({ a: [, second, ...others] }) => second + ":" + others.length;
console.log(deep({ a: [1, 2, 3, 4] }));
