// A replacer function and a user exec, small enough to snapshot after every step.
const out = "a1b2".replace(/\d/g, (d, i) => "<" + (d * 2) + i + ">");
console.log(out);
const r = /b/;
r.exec = function (s) {
  const m = ["b"];
  m.index = 1;
  return m;
};
console.log("abc".replace(r, "X"), r.test("zzz"));
