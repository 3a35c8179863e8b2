// Found by the fuzzer: generator.return() resuming a `yield` (or `yield*`) that sits
// inside an expression with operands already pushed (call arguments, an array
// literal), inside try/finally or for-of, failed to compile ("internal: jump with
// depth 1 to label of depth 4"): the unwinding ran with those operands on the stack.
const log = (...a) => console.log(...a);
function* g() {
  try {
    log("got", yield 1);
  } catch (e) {
    return "from catch";
  } finally {
    console.log("finally g");
  }
  return 9;
}
let it = g();
it.next();
console.log(it.return(5));
it = g();
it.next();
console.log(it.next(3));
it = g();
it.next();
console.log(it.throw(new Error("x")));

function* h() {
  for (const x of [1, 2]) log("x", x, yield x);
}
it = h();
it.next();
console.log(it.return(7));

function* k() {
  try {
    return [1, yield 2, 3];
  } finally {
    log("finally k");
  }
}
it = k();
it.next();
console.log(it.return(8));
it = k();
it.next();
console.log(it.next(0));

function* inner() {
  try {
    yield "in1";
    yield "in2";
  } finally {
    log("inner finally");
  }
}
function* star() {
  try {
    log("star", [0, yield* inner(), 4]);
  } finally {
    log("star finally");
  }
}
it = star();
console.log(it.next());
console.log(it.return("early"));
console.log([...star()]);
