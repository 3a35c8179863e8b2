// console.log of dates like Node's util.inspect, and the errors of Date methods
// called on other receivers.
const d = new Date(1646128800000);
console.log(d);
console.log(new Date(NaN));
console.log([d, new Date(NaN), new Date(-62198755200000), new Date(8.64e15)]);
console.log({ when: d, nested: { list: [new Date(0)] } });
console.log(new Map([[d, new Date(1)]]), new Set([d]));
class Stamp extends Date {}
console.log(new Stamp(0), [new Stamp(NaN)]);
const extra = new Date(0);
extra.note = "hi";
extra[1] = 2;
console.log(extra);
const orphan = new Date(0);
Object.setPrototypeOf(orphan, null);
console.log(orphan);
const tagged = new Date(0);
Object.defineProperty(tagged, Symbol.toStringTag, { value: "Moment" });
console.log(tagged);
console.log("%s|%d|%j|%o", d, d, d, d);
console.log(String([d]).length > 0, `${[new Date(0)]}`);

// Receivers that are not dates.
const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
};
for (const k of Object.getOwnPropertyNames(Date.prototype)) {
  if (k === "constructor") continue;
  t(() => Date.prototype[k].call({}));
}
t(() => Date.prototype.getTime.call(1));
t(() => Date.prototype.setTime.call("abc", 0));
t(() => Date.prototype.toString.call(new Map()));
t(() => Date.prototype.toISOString.call(Symbol("x")));
t(() => Date.prototype.valueOf.call(Object.create(Date.prototype)));
t(() => Date.prototype.toJSON.call(undefined));
t(() => new Date(Symbol()));
t(() => new Date(1n));
t(() => new Date(2020, 1n));
t(() => Date.UTC(1n));
t(() => Date.UTC(2020, Symbol()));
t(() => new Date(0).setHours(Symbol()));
t(() => new Date(0).setHours({ valueOf() { throw new RangeError("from valueOf"); } }));
t(() => new Date({ valueOf() { return {}; }, toString() { return {}; } }));
t(() => Date.prototype.setHours.call({}, { valueOf() { throw new Error("not reached"); } }));
t(() => Date.now.call(null) > 0);
