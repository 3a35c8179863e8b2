// for-in over objects with tens of thousands of index keys: a typed array, a String
// wrapper and a hole-free array have their index keys made as the loop reaches them
// (keys deleted during the loop are skipped, keys added are not visited, a prototype's
// key of the same name is shadowed); an array with a hole lists its keys up front.
const t = new Uint8Array(40000);
let n = 0, last;
for (const k in t) { n++; last = k; }
console.log(n, last, typeof last);

const a = new Array(40000).fill(1);
Array.prototype[40005] = "p";
Array.prototype[7] = "q";
Object.prototype.zz = 1;
a.extra = 2;
let keys = [];
for (const k in a) {
  keys.push(k);
  if (k === "3") { delete a[5]; a[40001] = 1; a.push(3); }
  if (k === "100") { delete a[7]; a.length = 39990; }
}
console.log(keys.length, keys.slice(0, 9).join(), keys.slice(-5).join());

const h = new Array(40000).fill(1);
delete h[7];
keys = [];
for (const k in h) { keys.push(k); if (k === "3") h[9] = 5; if (k === "4") h[7] = 0; }
console.log(keys.length, keys.slice(0, 9).join(), keys.slice(-4).join());
delete Array.prototype[7];
delete Array.prototype[40005];
delete Object.prototype.zz;

const s = new String("x".repeat(40000));
s.foo = 1;
s[50000] = "far";
keys = [];
for (const k in s) keys.push(k);
console.log(keys.length, keys.slice(-3).join());

// A typed array over a resizable buffer that shrinks during the loop.
const rab = new ArrayBuffer(40000, { maxByteLength: 80000 });
const r = new Uint8Array(rab);
keys = [];
for (const k in r) { keys.push(k); if (k === "10") rab.resize(20); if (k === "15") rab.resize(30000); }
console.log(keys.length, keys.slice(-3).join());

// A prototype that is itself big, under a small typed array's chain.
const big = new Float32Array(40000);
const child = Object.create(big);
child.own = 1;
child[3] = "shadow";
keys = [];
for (const k in child) keys.push(k);
console.log(keys.length, keys.slice(0, 4).join(), keys.slice(-2).join());

// Two loops over one array nest, each with its own position.
const d = new Array(33000).fill(0);
let pairs = 0;
outer: for (const i in d) {
  for (const j in d) { pairs++; if (j === "2") break; }
  if (i === "4") break outer;
}
console.log(pairs);
