// `x == null`, `x != null`, `x === null`, `x !== null` as tests (NULL_JUMP) and `==`/`!=`
// feeding a conditional jump (EQ_JUMP_IF_FALSE, NE_JUMP_IF_FALSE; compiler/fuse.ts),
// nested with the other fused instructions: in loops, with valueOf on one side (guest
// code runs, then the jump), with undefined, null, NaN, strings against numbers.
function Node(v, next) {
  this.v = v;
  this.next = next;
}
let list = null;
for (let i = 0; i < 6; i++) list = new Node(i, list);
let n = 0;
for (let p = list; p != null; p = p.next) n += p.v;
let m = 0;
let q = list;
while (q !== null) {
  if (q.next == null) m += 100;
  q = q.next;
}
console.log(n, m);

const values = [null, undefined, 0, "", NaN, "0", 1, "1", false, true, {}, [], [0]];
const rows = [];
for (const a of values) {
  let row = "";
  if (a == null) row += "n";
  if (a != null) row += "N";
  if (a === null) row += "s";
  if (a !== null) row += "S";
  for (const b of values) {
    if (a == b) row += "1";
    else row += "0";
    if (a != b) row += "";
    else row += ".";
  }
  rows.push(row);
}
console.log(rows.join("\n"));

const log = [];
const obj = {
  valueOf() {
    log.push("valueOf");
    return 7;
  },
};
let hits = 0;
for (let i = 0; i < 3; i++) {
  if (obj == 7) hits++;
  if (7 != obj) hits += 10;
  if (obj == "7") hits += 100;
}
console.log(hits, log.length);

function firstNull(arr) {
  for (let i = 0; i < arr.length; i++) if (arr[i] === null) return i;
  return -1;
}
console.log(firstNull([1, undefined, null]), firstNull([]));
let k = 0;
const maybe = (x) => (x == null ? "none" : x != null && x == 0 ? "zero" : "some");
for (const x of [null, undefined, 0, "0", 3]) console.log(k++, maybe(x));
const sym = Symbol("s");
console.log(sym == sym, sym != Symbol("s"), 1n == 1, 2n != "2");
