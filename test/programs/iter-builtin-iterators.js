// Tests built-in iterators: arrays (keys/values/entries), strings, Maps, Sets, arguments, typed arrays.
const arr = ["x", "y"];
console.log([...arr.keys()].join(","), [...arr.values()].join(","), JSON.stringify([...arr.entries()]));
console.log(arr[Symbol.iterator] === arr.values);
const sparse = [, "b"];
console.log(JSON.stringify([...sparse.keys()]), JSON.stringify([...sparse.entries()]));
const m = new Map([
  ["a", 1],
  ["b", 2],
]);
console.log(m[Symbol.iterator] === m.entries, JSON.stringify([...m]));
const s = new Set([3, 4]);
console.log(s[Symbol.iterator] === s.values, s.keys === s.values, JSON.stringify([...s.entries()]));
function args() {
  return [...arguments].join("+");
}
console.log(args(1, 2, 3));
console.log([...new Uint8Array([5, 6]).entries()].join(";"));
// array iterator sees appended elements
const live = [1, 2];
const out = [];
for (const v of live) {
  out.push(v);
  if (live.length < 5) live.push(v * 10);
}
console.log(out.join(","));
// map iterator sees entries added during iteration, not deleted ones
const mm = new Map([
  [1, "a"],
  [2, "b"],
  [3, "c"],
]);
const seen = [];
for (const [k] of mm) {
  seen.push(k);
  if (k === 1) {
    mm.delete(2);
    mm.set(4, "d");
  }
}
console.log(seen.join(","));
// set iterator: re-adding a deleted element puts it at the end
const ss = new Set(["a", "b", "c"]);
const sseen = [];
for (const v of ss) {
  sseen.push(v);
  if (v === "a") {
    ss.delete("a");
    ss.add("a");
  }
  if (sseen.length > 6) break;
}
console.log(sseen.join(","));
// an exhausted array iterator stays done even if the array grows
const a2 = [1];
const it = a2[Symbol.iterator]();
it.next();
it.next();
a2.push(2);
console.log(JSON.stringify(it.next()));
// array iterator works on array-likes via call
const al = { length: 2, 0: "p", 1: "q" };
console.log([...Array.prototype.values.call(al)].join(""));
