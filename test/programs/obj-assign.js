// Tests Object.assign merging, overwriting, return value and getter invocation.
var target = { a: 1, b: 1 };
var r = Object.assign(target, { b: 2, c: 2 }, { c: 3, d: 3 });
console.log(r === target, target);
var copy = Object.assign({}, target);
copy.a = 99;
console.log(target.a, copy.a);
var src = { get computed() { return "from getter"; } };
var dst = Object.assign({}, src);
console.log(dst.computed, Object.keys(dst));
var hidden = Object.create({ inherited: 1 });
hidden.own = 2;
console.log(Object.assign({}, hidden));
console.log(Object.assign({ x: 0 }, null, undefined, { y: 1 }));
var deep = { inner: { v: 1 } };
var shallow = Object.assign({}, deep);
shallow.inner.v = 2;
console.log(deep.inner.v);
