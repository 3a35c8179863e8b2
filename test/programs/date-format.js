// The string forms of dates: toString and its parts, toISOString, toUTCString, the
// locale methods (the host's Intl), toJSON/JSON.stringify, Symbol.toPrimitive and
// string/number conversions.
const stamps = [0, 1646128800123, -1, 1e12, -62198755200000, -62135596800001, 253402300800000, 8.64e15, -8.64e15, 1688000000000];
for (const t of stamps) {
  const d = new Date(t);
  console.log(d.toString());
  console.log(" ", d.toDateString(), "|", d.toTimeString(), "|", d.toUTCString(), "|", d.toGMTString());
  console.log(" ", d.toISOString(), JSON.stringify(d), d.toJSON());
}
const bad = new Date(NaN);
console.log(bad.toString(), bad.toDateString(), bad.toTimeString(), bad.toUTCString(), bad.toJSON(), JSON.stringify({ bad }));
console.log(String(bad), `${bad}`, bad + "", +bad);
try {
  bad.toISOString();
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// Locale formatting through the host's Intl.
const d = new Date(1646128800123);
const utc = { timeZone: "UTC" };
console.log(d.toLocaleString("en-US", utc), "|", d.toLocaleDateString("en-US", utc), "|", d.toLocaleTimeString("en-US", utc));
console.log(d.toLocaleString("de-DE", utc), "|", d.toLocaleString("en-GB", utc), "|", d.toLocaleString(["ja-JP", "en"], utc));
console.log(d.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", year: "numeric", month: "long", day: "numeric" }));
console.log(d.toLocaleTimeString("en-US", { timeZone: "Asia/Kolkata", hour12: false, timeZoneName: "short" }));
console.log(d.toLocaleString("en-US", { timeZone: "America/New_York", dateStyle: "full", timeStyle: "long" }));
console.log(d.toLocaleString("en-US", { timeZone: { toString() { return "UTC"; } }, hour: "2-digit", minute: "2-digit" }));
console.log(d.toLocaleString(), "|", d.toLocaleDateString(), "|", d.toLocaleTimeString());
console.log(bad.toLocaleString(), bad.toLocaleDateString("en-US", utc));
for (const [locales, options] of [["xx-invalid-tag-", undefined], ["en-US", { timeZone: "Nowhere/City" }], ["en-US", { dateStyle: "huge" }]]) {
  try {
    d.toLocaleString(locales, options);
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}

// Conversions: the default hint is "string" for dates.
console.log(d + 1, d - 1, d * 1, d < new Date(1646128800124), d == d.toString(), d == d.getTime());
console.log(d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default"), d[Symbol.toPrimitive]("string"));
console.log(Date.prototype[Symbol.toPrimitive].call({ toString() { return "s"; }, valueOf() { return 1; } }, "number"));
console.log(Date.prototype[Symbol.toPrimitive].call({ toString() { return "s"; }, valueOf() { return 1; } }, "default"));
for (const hint of ["foo", undefined, 1]) {
  try {
    d[Symbol.toPrimitive](hint);
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
try {
  Date.prototype[Symbol.toPrimitive].call(1, "number");
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  Date.prototype[Symbol.toPrimitive].call({ toString: null, valueOf: null }, "number");
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// toJSON is generic.
console.log(Date.prototype.toJSON.call({ toISOString() { return "iso!"; } }));
console.log(Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "never"; } }));
console.log(Date.prototype.toJSON.call({ valueOf() { return "str"; }, toISOString() { return 42; } }));
for (const v of [{}, { toISOString: 1 }]) {
  try {
    Date.prototype.toJSON.call(v);
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
console.log(JSON.stringify([new Date(0), { when: new Date(1e12) }, new Date(NaN)]));
console.log(JSON.stringify({ d: new Date(0) }, (k, v) => (k === "d" ? typeof v : v)));
const patched = new Date(0);
patched.toISOString = () => "patched";
console.log(JSON.stringify(patched));
