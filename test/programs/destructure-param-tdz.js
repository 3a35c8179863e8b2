// Parameters are initialised left to right: a default reading a later one throws.
function later(a = b, b) {
  return [a, b];
}
try {
  later(undefined, 1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(later(1, 2).join(","));
function self(a = a) {
  return a;
}
try {
  self();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
function earlier(a, b = a * 2) {
  return b;
}
console.log(earlier(4));
function lazy(a = () => b, b = 3) {
  return a();
}
console.log(lazy());
const o = { p: { q: 1 } };
console.log(delete o?.p?.q, delete o.missing?.q, JSON.stringify(o));
