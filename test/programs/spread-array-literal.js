// Tests spread in array literals: copying, concatenation, holes, nested and iterables.
const a = [1, 2];
const b = [3, 4];
const c = [...a, ...b];
console.log(c.join(","), c.length);
const copy = [...a];
copy.push(99);
console.log(a.length, copy.length, copy !== a);
console.log([0, ...a, 2.5, ...b, 5].join(" "));
console.log([...[...[..."nested"]]].join(""));
const withHoles = [1, , 3];
const spreadHoles = [...withHoles];
console.log(1 in withHoles, 1 in spreadHoles, spreadHoles[1], spreadHoles.length);
console.log([...new Set([3, 1, 3, 2, 1])].join(","));
console.log([...new Map([["k", "v"]])][0].join("="));
console.log([..."héllo"].length);
console.log([...Array(3).keys()].join(","));
const gen = function* () {
  yield "g1";
  yield "g2";
};
console.log([...gen(), ...gen()].join(","));
console.log([..."", ...[], ...new Set()].length);
// spread of array-like fails, Array.from works
const arrayLike = { 0: "x", 1: "y", length: 2 };
try {
  console.log([...arrayLike]);
} catch (e) {
  console.log("array-like spread:", e.constructor.name, Array.from(arrayLike).join(""));
}
// arguments is iterable
function args() {
  return [...arguments];
}
console.log(args(1, "two", null).length);
// spread with trailing comma and elisions
const t = [...a, , ...b];
console.log(t.length, 2 in t);
// spread creates shallow copies
const objs = [{ n: 1 }];
const objsCopy = [...objs];
objsCopy[0].n = 2;
console.log(objs[0].n, objs === objsCopy);
// spread uses the iterator, not indices (patched iterator)
const patched = [1, 2, 3];
patched[Symbol.iterator] = function* () {
  yield "patched";
};
console.log([...patched].join(","), patched.length);
