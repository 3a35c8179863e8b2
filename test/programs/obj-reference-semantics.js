// Tests that objects are passed and assigned by reference.
function mutate(o) { o.changed = true; }
function reassign(o) { o = { replaced: true }; return o; }
var a = { changed: false };
mutate(a);
console.log(a.changed);
var r = reassign(a);
console.log(a.replaced, r.replaced);
var b = a;
b.shared = "yes";
console.log(a.shared);
var list = [a, a];
list[0].count = 1;
console.log(list[1].count);
var primitive = 5;
function incr(n) { n++; return n; }
console.log(incr(primitive), primitive);
var nested = { inner: { v: 1 } };
var innerRef = nested.inner;
nested.inner = { v: 2 };
console.log(innerRef.v, nested.inner.v);
