// Tests spread edge cases: growing arrays, repeated and nested spreads, bound functions, throwing generators.
// an iterator that grows the array while spreading
const grow = [1, 2, 3];
let added = 0;
const spreadGrow = [];
for (const v of grow) {
  spreadGrow.push(v);
  if (added < 2) {
    grow.push(v * 10);
    added++;
  }
}
console.log(spreadGrow.join(","), [...grow].join(","));
// spreading the same array twice in one literal
const twice = [0, 1];
console.log([...twice, ...twice, ...twice].length);
// spread inside nested arrays and objects
const nested = { list: [...[1, 2], ...[[3, 4]]], obj: { ...{ a: { ...{ b: 1 } } } } };
console.log(JSON.stringify(nested));
// spread arguments into a function with fewer params
function two(a, b) {
  return [a, b, arguments.length].join(",");
}
console.log(two(..."hello"));
// spreading into bound functions
const bound = two.bind(null, "bound");
console.log(bound(...["x", "y"]));
// spread of a generator that throws midway: earlier values are discarded
function* failing() {
  yield 1;
  throw new Error("gen failed");
}
let captured = "unchanged";
try {
  captured = [...failing()];
} catch (e) {
  console.log(e.message, captured);
}
// spread of an object with many keys keeps order
const many = {};
for (let i = 0; i < 20; i++) many["k" + i] = i;
const copy = { ...many };
console.log(Object.keys(copy).slice(-3).join(","), Object.keys(copy).length);
// spread of an array with extra non-index props: props ignored in array spread, kept in object spread
const withProps = [1, 2];
withProps.extra = "x";
console.log([...withProps].length, Object.keys({ ...withProps }).join(","));
// spread of a function object copies own enumerable props only
function fn() {}
fn.custom = "c";
console.log(JSON.stringify({ ...fn }));
// spread of Map into object gives no keys
console.log(Object.keys({ ...new Map([["a", 1]]) }).length);
