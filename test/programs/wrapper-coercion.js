// Constructors and String methods whose arguments are objects (their valueOf/toString
// is guest code): `new` must still make a wrapper, and an absent (undefined) argument
// must stay absent after the objects were converted.
const obj = { toString: () => "str", valueOf: () => 7 };
for (const v of [new String(obj), new Number(obj), new Boolean(obj), new String({}), new String(function () {})]) {
  console.log(typeof v, Object.prototype.toString.call(v), String(v).slice(0, 12));
}
class MyString extends String {}
const m = new MyString({ toString: () => "mine" });
console.log(typeof m, m instanceof MyString, m.length, m + "!");
class MyNumber extends Number {}
console.log(new MyNumber({ valueOf: () => 41 }) + 1, new MyNumber("2") instanceof MyNumber);

const b = new Boolean(false);
b.slice = String.prototype.slice;
b.substring = String.prototype.substring;
b.padEnd = String.prototype.padEnd;
console.log(b.slice(1, undefined), b.slice(true), b.substring(1, undefined), b.padEnd(8, undefined) + "|");
console.log("abcdef".slice({ valueOf: () => 2 }, undefined), "abc".padStart(6, undefined) + "|");
console.log(String.prototype.padStart.length, String.prototype.padEnd.length);

// [[Set]] of a frozen array's length fails even when the value is unchanged.
for (const [name, f] of [
  ["push", (a) => a.push()],
  ["push 1", (a) => a.push(2)],
  ["pop", (a) => a.pop()],
  ["shift", (a) => a.shift()],
  ["unshift", (a) => a.unshift()],
]) {
  for (const a of [Object.freeze([]), Object.freeze([1])]) {
    try {
      f(a);
      console.log(name, a.length, "no error");
    } catch (e) {
      console.log(name, a.length, e.constructor.name);
    }
  }
}
(function () {
  "use strict";
  const a = Object.freeze([1, 2]);
  try {
    a.length = 2;
  } catch (e) {
    console.log("length = same:", e.constructor.name);
  }
})();

// String methods borrowed by other primitives read `this` as ToString gives it.
Number.prototype.toLowerCase = String.prototype.toLowerCase;
Number.prototype.padStart = String.prototype.padStart;
Boolean.prototype.toUpperCase = String.prototype.toUpperCase;
Boolean.prototype.at = String.prototype.at;
console.log((-Infinity).toLowerCase(), (5).padStart(3, "0"), true.toUpperCase(), false.at(-1));
