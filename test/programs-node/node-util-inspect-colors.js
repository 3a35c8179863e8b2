// util.inspect with colours (inspect.styles / inspect.colors, a changed style, the
// grey alias), getters of a prototype run on the inspected object, and a deep
// self-referencing object inspected in full without running out of time; and
// util.getSystemErrorName/getSystemErrorMap (libuv's names, unknown codes, checks).
const util = require("util");

const show = (s) => console.log(JSON.stringify(s));
show(util.inspect([1, "a", true, null, undefined, Symbol("s"), 5n, -0], { colors: true }));
show(util.inspect({ d: new Date(0), r: /x/g, f() {}, m: new Map([[1, {}]]) }, { colors: true }));
show(util.inspect({ a: { b: { c: { d: 1 } } }, [Symbol("k")]: 1, "x-y": 2 }, { colors: true }));
show(util.inspect([, , 1, Promise.resolve(2), new WeakSet()], { colors: true }));
show(util.inspect(new Number(3), { colors: true }) + util.inspect(new String("s"), { colors: true }));
show(util.formatWithOptions({ colors: true }, "%s %d %O", { a: 1 }, 2, { b: "x" }, 7));
show(util.inspect(new SharedArrayBuffer(2), { colors: true }));
util.inspect.styles.number = "red";
show(util.inspect({ n: 1 }, { colors: true }));
util.inspect.styles.number = "yellow";
show(util.inspect.colors.grey === util.inspect.colors.gray);
show(util.inspect(["long string value number one", "long string value number two", 3], { colors: true }));

class Point {
  constructor() {
    this._x = 4;
  }
  get x() {
    return this._x * 2;
  }
}
show(util.inspect(new Point(), { getters: true, showHidden: true }));

let last = {};
const root = last;
for (let i = 0; i < 15; i++) {
  last.next = { root, last, obj: { a: 1 } };
  last = last.next;
  root[i] = last;
}
const s = util.inspect(root, { depth: Infinity });
console.log(s.length, s.slice(0, 60));

console.log([-2, -13, -110, -3008, -4095, -12345].map((n) => util.getSystemErrorName(n)).join(" "));
for (const bad of [2, 0, "x", 1.5, -Infinity]) {
  try {
    util.getSystemErrorName(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
const map = util.getSystemErrorMap();
console.log(map instanceof Map, map.get(-2), map.size > 50);
