// Tests const: TDZ, assignment to constant, and mutability of const objects.
try {
  console.log(c);
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
const c = 10;
try {
  c = 11;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
console.log(c);
const obj = { n: 1 };
obj.n = 2;
obj.extra = true;
console.log(obj);
const arr = [];
arr.push(1, 2);
console.log(arr);
try {
  for (const i = 0; i < 2; i++) {}
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
let cnt = 0;
try {
  const k = 1;
  cnt++;
  k++;
  cnt++;
} catch (e) {
  console.log(cnt, e.name);
}
