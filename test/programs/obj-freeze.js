// Tests Object.freeze and Object.isFrozen, including shallowness.
var o = { a: 1, inner: { b: 2 } };
console.log(Object.isFrozen(o));
var same = Object.freeze(o);
console.log(same === o, Object.isFrozen(o));
o.a = 100;
o.c = 3;
delete o.a;
console.log(o.a, o.c, Object.keys(o));
o.inner.b = 20;
console.log(o.inner.b, Object.isFrozen(o.inner));
var arr = Object.freeze([1, 2, 3]);
arr[0] = 9;
try {
  arr.push(4);
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(arr, arr.length);
console.log(Object.isFrozen({}), Object.isFrozen(Object.freeze({})));
