// gen.return() at a `yield` nested in an expression (operands of a call on the stack)
// runs the enclosing finally bodies and iterator closes with the operands dropped.
function add(a, b) {
  return a + b;
}
function* g() {
  try {
    console.log("never", add(1, yield "a"));
  } finally {
    console.log("finally g");
  }
}
const a = g();
console.log(a.next(), a.return(5));
function* h() {
  try {
    try {
    } finally {
      console.log("never", add(2, yield "b"), [1, 2, yield "c"]);
    }
  } finally {
    console.log("outer finally h");
  }
}
const b = h();
console.log(b.next(), b.next(1), b.return(7), b.next());
const closes = [];
const src = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }), return: () => (closes.push("closed"), {}) };
  },
};
function* k() {
  for (const x of src) {
    console.log(add(x, yield x));
  }
}
const c = k();
console.log(c.next(), c.next(10), c.return(3), closes);
