// Array methods build their result with ArraySpeciesCreate (flat, flatMap, slice and
// splice with the count they will fill) and fill it with CreateDataPropertyOrThrow:
// a species that returns a frozen or non-extensible object makes them throw TypeError.
class MyArray extends Array {}
const m = MyArray.from([1, [2, [3]], 4]);
console.log(m.flat() instanceof MyArray, m.flatMap((x) => x) instanceof MyArray);
console.log(m.slice(1) instanceof MyArray, m.splice(0, 1) instanceof MyArray);
let counts = [];
class Counting extends Array {
  static get [Symbol.species]() {
    return function (n) {
      counts.push(n);
      return new Array(n);
    };
  }
}
const c = Counting.from([1, 2, 3, 4, 5]);
c.slice(1, 4);
c.splice(0, 2);
console.log(counts.join(","));
console.log([1, [2, [3, [4]]]].flat(Infinity).join(), [[1], [2]].flat(-1).length);
console.log([1, 2].flatMap((x, i, a) => [x, [i + a.length]]));
function Frozen() {
  return Object.freeze([]);
}
class Bad extends Array {
  static get [Symbol.species]() {
    return Frozen;
  }
}
const b = Bad.from([1, 2]);
for (const f of [
  () => b.map((x) => x),
  () => b.filter(() => true),
  () => b.slice(),
  () => b.flat(),
  () => b.concat(3),
  () => Array.of.call(Frozen, 1),
  () => Array.from.call(Frozen, [1]),
  () => Array.from.call(Frozen, { length: 1, 0: 1 }),
])
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.name);
  }
function Ctor(n) {
  console.log("Ctor", arguments.length, n);
}
console.log(Array.from.call(Ctor, { length: 2, 0: "a", 1: "b" }).length);
try {
  Array.prototype.map.call({ length: 2 ** 32 }, (x) => x);
} catch (e) {
  console.log(e.name, e.message);
}
