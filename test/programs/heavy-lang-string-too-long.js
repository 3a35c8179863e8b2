// Strings longer than the maximum (2**29-24) throw a catchable RangeError, wherever
// they are built. Ropes keep memory small: s is 32 MB, the rest are concatenations
// (heavy-: a snapshot would flatten and copy them, so no transparency runs).
const s = "x".repeat(2 ** 25);
const attempts = {
  "a + b": () => {
    let t = s;
    for (let i = 0; i < 5; i++) t = t + t;
    return t;
  },
  "s+s+s": () => {
    const big = s + s + s + s + s + s + s + s; // 2**28
    return big + big + big;
  },
  template: () => {
    const big = s + s + s + s + s + s + s + s;
    return `${big}-${big}`;
  },
  "+= loop": () => {
    let acc = "";
    for (;;) acc += s;
  },
  repeat: () => "ab".repeat(2 ** 28),
  padStart: () => "ab".padStart(2 ** 29),
  padEnd: () => "ab".padEnd(2 ** 29, "xy"),
  join: () => new Array(17).fill(s).join(""),
  "join separator": () => ["", ""].join(s.repeat(17)),
  concat: () => s.concat(s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s),
  "replace template": () => s.replace(/x+/, "$&".repeat(17)),
  "replace string": () => "ab".replace("a", s.repeat(16)),
  "JSON.stringify": () => JSON.stringify(new Array(17).fill(s)),
  "String.raw": () => String.raw({ raw: new Array(18).fill(s) }),
  "Array toString": () => String(new Array(17).fill(s)),
};
for (const [name, f] of Object.entries(attempts)) {
  try {
    const r = f();
    console.log(name, "built", r.length);
  } catch (e) {
    console.log(name, e instanceof RangeError, e.message);
  }
}
try {
  (s + s + s + s + s + s + s + s).repeat(2);
} catch (e) {
  console.log("uncaught-free:", e.name);
}
console.log("still running", s.length);
