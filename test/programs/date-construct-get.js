// Date construction in every form and every getter, local and UTC (fixed timestamps only).
const stamps = [0, 1646128800000, -1, 951782400000, 1e12, -62198755200000, 8.64e15, -8.64e15];
for (const t of stamps) {
  const d = new Date(t);
  console.log(
    t,
    d.getTime(),
    d.valueOf(),
    [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()].join(","),
    [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()].join(","),
    d.getTimezoneOffset(),
    d.getYear(),
  );
}
const bad = new Date(NaN);
console.log(bad.getTime(), bad.getFullYear(), bad.getUTCDay(), bad.getTimezoneOffset(), bad.getYear());

// Numbers are TimeClipped.
console.log(new Date(8.64e15 + 1).getTime(), new Date(1.9).getTime(), new Date(-1.9).getTime(), Object.is(new Date(-0).getTime(), 0));
console.log(new Date(Infinity).getTime(), new Date("").getTime(), new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime());

// Components in local time.
const c = new Date(2022, 2, 1, 10, 30, 15, 250);
console.log(c.getFullYear(), c.getMonth(), c.getDate(), c.getHours(), c.getMinutes(), c.getSeconds(), c.getMilliseconds());
console.log(new Date(2022, 0).getDate(), new Date(99, 11, 31).getFullYear(), new Date(2022, 13, 35, 25, 61, 61, 1001).toString());
console.log(new Date(2022, NaN).getTime(), new Date(2020, 1, 29, 12).getDay());
console.log(new Date(1e9, 0).getTime(), new Date(-271821, 3, 20).getTime());

// Another Date, strings and objects.
const src = new Date(1646128800000);
const copy = new Date(src);
src.setTime(0);
console.log(copy.getTime(), src.getTime());
console.log(new Date("2022-03-01T10:00:00Z").getTime(), new Date("2022-03-01").getTime());
console.log(new Date({ valueOf() { return 86400000; } }).getTime());
console.log(new Date({ toString() { return "1970-01-02T00:00:00Z"; }, valueOf: undefined }).getTime());
console.log(new Date({ [Symbol.toPrimitive](hint) { return hint === "default" ? "2000-01-01T00:00:00Z" : 0; } }).getTime());
console.log(new Date(2000, { valueOf() { return 5; } }, "7").getMonth());

// Called as a function: a string, whatever the arguments.
console.log(typeof Date(), typeof Date(0), Date(0) === Date(1) || Date(0).length > 20);
console.log(typeof Date.now(), Date.now() > 1600000000000, new Date().getTime() > 1600000000000);

// Date.UTC.
console.log(Date.UTC(2022, 2, 1, 10), Date.UTC(2022), Date.UTC(), Date.UTC(99, 0), Date.UTC(2022, 0, 1, 0, 0, 0, 0.9));
console.log(Date.UTC({ valueOf() { return 2001; } }, "1"), Date.UTC(NaN), Date.UTC(275760, 8, 13, 0, 0, 0, 1));

// The constructor and prototype shape.
console.log(Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.now.length);
console.log(Object.getOwnPropertyNames(Date.prototype).join());
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString, Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(Date.prototype));
console.log(Date.prototype.setHours.length, Date.prototype.setFullYear.length, Date.prototype.toLocaleString.length, Date.prototype[Symbol.toPrimitive].name);
const desc = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
console.log(desc.writable, desc.enumerable, desc.configurable);

class Stamp extends Date {
  constructor(t) { super(t); this.label = "x"; }
  twice() { return this.getTime() * 2; }
}
const s = new Stamp(21);
console.log(s.twice(), s instanceof Date, s.label, Object.getPrototypeOf(s) === Stamp.prototype);
console.log(Reflect.construct(Date, [5], Object).getTime === undefined, Date.prototype.getTime.call(Reflect.construct(Date, [5], Stamp)));
