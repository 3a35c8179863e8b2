// Fused arithmetic whose result goes straight into a local (INIT_LOCAL r or
// SET_LOCAL r; POP after it), on numbers and on the values its fast path leaves to the
// unfused code (strings, BigInts, objects with valueOf, undefined): every handler ends
// in one put (interpreter.ts putArithResult), and the stack must come out the same.
const box = (n) => ({ valueOf: () => n });
const values = [7, -2.5, "12", "x", 4n, box(9), undefined, null];
const show = (x) => (typeof x === "bigint" ? `${x}n` : String(x));

function stores(v) {
  let a = v + 1; // GET_LOCAL; INT; ADD; INIT_LOCAL
  let b = a * 3; // GET_LOCAL; INT; MUL; INIT_LOCAL
  b = b - 2; // ... SET_LOCAL; POP
  let c = v + 0.5; // CONST_ARITH into a local
  c = c * 1.5;
  let d = a; // an INT_ARITH after a value on the stack: (d * 1) % 7
  d = d * 1 + 2;
  let e = "k" + v; // a string constant on the left
  e = e + "!";
  return [a, b, c, d, e].map(show).join(" ");
}
for (const v of values) {
  let line;
  try {
    line = stores(v);
  } catch (e) {
    line = e.constructor.name;
  }
  console.log(show(v), "|", line);
}

// In a loop, with the results read back on the operand stack around the store.
function loop(n) {
  let s = 0;
  let t = "";
  for (let i = 0; i < n; i++) {
    let x = i * 2;
    x = x + 1;
    s = s + x;
    t = t + (i % 3);
    let y = [x - 1, s % 7];
    if (y[0] > 1000) break;
  }
  return [s, t];
}
console.log(loop(40));
