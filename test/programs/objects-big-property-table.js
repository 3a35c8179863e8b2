// An object and a sparse array with more properties than one host Map should hold
// (their tables are split, vm/model/split-dict.ts): order of keys through deletes and
// re-adds, symbols, attributes, for-in, JSON, freezing, and the length of the sparse array.
const o = {};
for (let i = 0; i < 12000; i++) o["k" + i] = i;
const s1 = Symbol("one"), s2 = Symbol.for("two");
o[s1] = "sym1";
o[5] = "five";
for (let i = 0; i < 12000; i += 3) delete o["k" + i];
for (let i = 0; i < 12000; i += 9) o["k" + i] = -i;
o[s2] = "sym2";
o[1] = "one";
Object.defineProperty(o, "hidden", { value: 42, enumerable: false });
Object.defineProperty(o, "k1", { get() { return "getter"; }, enumerable: true, configurable: true });
const keys = Object.keys(o);
console.log(keys.length, keys.slice(0, 6).join(), keys.slice(-4).join());
console.log(Object.getOwnPropertyNames(o).length, Object.getOwnPropertySymbols(o).map(String).join());
console.log(o.k1, o.k2, o.k3, o.k9, o.k11997, o.hidden, o[s1], o[s2], "k0" in o, "k3" in o);
let n = 0, sum = 0;
for (const k in o) {
  n++;
  if (typeof o[k] === "number") sum += o[k];
}
console.log(n, sum);
const json = JSON.stringify(o);
console.log(json.length, json.slice(0, 60));
const copy = { ...o };
console.log(Object.keys(copy).length, Object.entries(copy).at(-1).join("="));
Object.freeze(o);
o.k2 = "changed";
console.log(Object.isFrozen(o), o.k2);

const a = [];
a[3e6] = "last";
for (let i = 0; i < 15000; i++) a[i] = i * 2;
delete a[7];
a.extra = true;
console.log(a.length, Object.keys(a).length, a[7], a[14999], a[3e6], Object.keys(a).slice(-3).join());
a.length = 10000;
console.log(a.length, Object.keys(a).length, a.extra, a.indexOf(19998), a.lastIndexOf(4));
