// Dates across snapshots taken after every instruction: the time value (including
// NaN and the extremes) survives, as do setters and constructors that call valueOf.
const a = new Date(1646128800123);
const b = new Date(NaN);
const c = new Date(8.64e15);
const d = new Date(-8.64e15);
class Stamp extends Date {}
const s = new Stamp(42);
s.tag = "t";
const m = new Map([["k", a]]);
console.log(a, b, c, d, s, m);
a.setUTCHours({ valueOf() { return 3; } }, 4);
console.log(a.toISOString(), a.getUTCMinutes());
const e = new Date(2000, { valueOf() { return 1; } }, 29);
console.log(e.getMonth(), e.getDate());
const f = new Date({ [Symbol.toPrimitive]() { return "2001-02-03T04:05:06Z"; } });
console.log(f.getTime(), JSON.stringify({ f }), `${+f}`, Date.UTC(2001, { valueOf() { return 1; } }));
console.log(b.setMonth(1), b.setUTCFullYear(1999), b.toISOString(), s.getTime(), s instanceof Stamp);
