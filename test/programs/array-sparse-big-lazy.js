// A big array going sparse keeps its elements until each is asked for (elements-dict.ts):
// reads, writes, deletes, attributes, own keys, for-in, length changes and freezing
// must see exactly what an eager conversion gave.
const a = [];
for (let i = 0; i < 20000; i++) a.push(i % 5 ? i : "s" + i);
a.foo = "bar";
delete a[7];
a[1.1e6] = 1;
console.log(a.length, a[5], a[7], 7 in a, 8 in a, a.hasOwnProperty(6));
console.log(Object.getOwnPropertyDescriptor(a, "3"));
a[5] = "five";
delete a[6];
Object.defineProperty(a, "10", { value: 10, writable: false });
a[10] = 11;
const keys = Object.keys(a);
console.log(a[5], a[6], a[10], keys.length, keys.slice(0, 8), keys.slice(-3));
let n = 0;
for (const k in a) n++;
console.log(n, JSON.stringify(a.slice(0, 12)), a.indexOf(19999), a.lastIndexOf("s15"));
a.length = 100;
console.log(a.length, Object.keys(a).length, a.at(-1));
const b = Array.from({ length: 12000 }, (_, i) => i * 2);
Object.freeze(b);
console.log(Object.isFrozen(b), b[11999], Object.getOwnPropertyDescriptor(b, "100"));
const c = Array.from({ length: 12000 }, (_, i) => i);
c.length = 2e7;
console.log(c.length, c[11999], c[12000], 11999 in c, Object.keys(c).length);
c.length = 5;
console.log(c, Reflect.ownKeys(c));
