// Tests split of strings past a million characters (done in slices, the result array
// filled a slice at a time): empty and string separators, limits, pieces at both ends.
const s = "abcdefghij".repeat(120000);
const chars = s.split("");
console.log(chars.length, chars[0], chars[1199999], chars.slice(599998, 600003).join("|"));
console.log(s.split("", 3), s.split("", 0), s.split("j").length, s.split("j").at(-1) === "");
const parts = s.split("cd");
console.log(parts.length, parts[0], parts[1], parts.at(-1), parts[70000]);
console.log(s.split("a", 4), s.split("q").length, s.split("q")[0].length);
const t = ("x,".repeat(300000) + "end").split(",");
let sum = 0;
for (const p of t) sum += p.length;
console.log(t.length, sum, t[299999], t[300000]);
const u = ("\u00e9\ud83d\ude00".repeat(400000)).split("");
console.log(u.length, u[1].charCodeAt(0).toString(16), u[2].charCodeAt(0).toString(16), u.at(-1).length);
