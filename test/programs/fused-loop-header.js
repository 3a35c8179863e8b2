// A loop's update, its jump back and the test at the loop's head in one dispatch
// (GET_LOCAL_INC then loopTest): `i < 10` and `i < n`, every relational operator, counters
// that stop being numbers, tests that are not relational, nesting with the other fused
// forms (`a[i] = v;`, `k in o`, `x[++i]`, `i++` inside for-of, postfix updates).
const out = [];

for (let i = 0; i < 5; i++) out.push(i);
for (let i = 5; i > 0; i--) out.push(i);
for (let i = 0; i <= 3; i++) out.push("le" + i);
for (let i = 3; i >= 0; i--) out.push("ge" + i);

const n = 4;
for (let i = 0; i < n; i++) out.push("n" + i);
let m = 2.5;
for (let i = 0.5; i < m; i++) out.push("d" + i);
for (let i = 0; i < NaN; i++) out.push("never");

// The counter becomes a string, then something else, on the way.
let s = 0;
for (let i = 0; i < 8; i++) {
  if (i === 3) i = "5";
  s += typeof i === "string" ? 100 : i;
}
out.push(s);
let t = 0;
for (let i = 0; i < n; i++) {
  if (i === 1) n2 = 1;
  t += i;
}
var n2;
out.push(t);

// The bound changes inside the loop, and is not a number for a while.
let bound = 3;
let seen = 0;
for (let i = 0; i < bound; i++) {
  seen++;
  if (i === 1) bound = "6";
  if (i === 4) bound = { valueOf: () => 5 };
}
out.push(seen);

// Equality tests are not relational: the test runs on its own.
for (let i = 0; i !== 3; i++) out.push("ne" + i);
for (let i = 0; i === 0; i++) out.push("eq" + i);

// Nesting with element fusions, `in`, breaks and continues, labels.
const a = [1, 2, 3, 4, 5, 6];
const b = new Array(6);
for (let i = 0; i < a.length; i++) {
  const v = a[i];
  b[i] = v * 2;
}
out.push(b.join());
const holes = [1, , 3, , 5];
let present = 0;
for (let k = 0; k < 5; k++) if (k in holes) present++;
out.push(present);
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    out.push(i + ":" + j);
  }
}
let w = -1;
const x = [10, 20, 30];
let acc = 0;
for (let i = 0; i < 2; ++w, i++) acc += x[++w];
out.push(acc, w);
for (const item of [1, 2]) {
  for (let i = 0; i < 3; ++i) acc += item * i;
}
out.push(acc);
let p = 0;
for (let i = 0; i < 3; i++) p += x[p++ % 3] / 10;
out.push(p);

// A counter in a closure's scope: the loop copies it per iteration.
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
out.push(fns.map((f) => f()).join());

// A counter past 2^31 and a float step.
let big = 0;
for (let i = 2147483645; i < 2147483650; i++) big++;
out.push(big);
let f = 0;
for (let i = 0; i < 1; i += 0.25) f++;
out.push(f);

console.log(out.join(" "));
