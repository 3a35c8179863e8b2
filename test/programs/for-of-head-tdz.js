// The object of for-of/for-in is evaluated where the loop's let/const names exist but
// are uninitialised: a closure made there sees that binding, not the outer one.
let x = "outside";
var probeBefore = function () {
  return x;
};
var probeExpr, probeIn;
for (let x of ((probeExpr = function () {
  typeof x;
}),
[])) ;
for (const x in ((probeIn = () => x), {})) ;
console.log(probeBefore());
try {
  probeExpr();
} catch (e) {
  console.log("of:", e.constructor.name, e.message);
}
try {
  probeIn();
} catch (e) {
  console.log("in:", e.constructor.name, e.message);
}
try {
  for (let y of [y]) console.log(y);
} catch (e) {
  console.log("self:", e.constructor.name, e.message);
}
const seen = [];
for (const v of ["a", "b"]) seen.push(() => v);
console.log(seen.map((f) => f()).join(","));
