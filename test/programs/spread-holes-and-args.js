// Tests that spreading sparse arrays fills holes with undefined, in calls and literals.
const sparse = [1, , 3, , 5];
function count() {
  let defined = 0;
  for (let i = 0; i < arguments.length; i++) if (i in arguments) defined++;
  return arguments.length + "/" + defined;
}
console.log(count(...sparse));
console.log(count.apply(null, sparse));
const filled = [...sparse];
console.log(filled.length, Object.keys(filled).length, Object.keys(sparse).length);
console.log(filled.indexOf(undefined), sparse.indexOf(undefined));
console.log(filled.includes(undefined), sparse.includes(undefined));
const a = Array(3);
console.log(Object.keys(a).length, Object.keys([...a]).length);
console.log([...a].map(() => "m").join(","), a.map(() => "m").length, a.map(() => "m")[0]);
// spread in array literal keeps result dense
console.log([...[, "b"]].hasOwnProperty(0));
// forEach skips holes, for-of over spread does not
let fe = 0;
sparse.forEach(() => fe++);
let fo = 0;
for (const _ of [...sparse]) fo++;
console.log(fe, fo);
// defaults trigger for holes when spread into params
function defaults(x = "dx", y = "dy", z = "dz") {
  return x + y + z;
}
console.log(defaults(...[, "Y"]));
