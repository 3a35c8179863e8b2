// Patterns at risk of catastrophic backtracking run on Jaunt's counted engine, in
// slices: results, captures, lastIndex and the legacy statics are the host's. The
// first match needs several slices, so snapshots fall in the middle of it.
const out = [/(a+)+$/.test("a".repeat(11) + "b")];
const re = /(\w+\s?)+:(\d+)/g;
const m = re.exec("gamma: 22 and delta epsilon:333");
out.push(m.index, m[0], m[1], m[2], re.lastIndex, RegExp.$1);
out.push("aaa-aa-a".replace(/(a|aa)+/g, "<$&>"), /(?<w>[a-z]+)\1/.exec("abab").groups.w);
console.log(out.join(" "));
