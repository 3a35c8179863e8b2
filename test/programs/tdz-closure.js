// Tests TDZ when a closure is called before vs after the let initializes.
function read() { return value; }
try {
  read();
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
let value = "ready";
console.log(read());
try {
  let self = self + 1;
} catch (e) {
  console.log(e.message);
}
function paramDefault() {
  let x = 1;
  {
    try {
      let x = x + 1;
      return x;
    } catch (e) {
      return "inner x: " + e.message;
    }
  }
}
console.log(paramDefault());
try {
  switch (1) {
    case 0:
      let s = 1;
    case 1:
      s = 2;
  }
} catch (e) {
  console.log(e.name, e.message);
}
