// Small: tests a TDZ ReferenceError on an uninitialized let.
try {
  x;
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
let x = 1;
console.log(x);
