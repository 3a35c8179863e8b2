// Callbacks and iterators of URLSearchParams (self-hosted: snapshots cut inside).
const u = new URL("http://h/p?x=1&y=2&x=3");
const seen = [];
u.searchParams.forEach((v, k) => {
  seen.push(k + "=" + v);
  if (k === "y") u.searchParams.append("z", "4"); // live: visited too
});
console.log(seen.join(" "), u.href);
for (const [k, v] of u.searchParams) console.log(k, v);
console.log([...u.searchParams.keys()], [...u.searchParams.values()], Array.from(u.searchParams.entries()));
const p = new URLSearchParams({ toString: 1, b: { toString() { return "obj"; } } });
console.log(p.toString());
function* pairs() { yield ["g", "1"]; yield new Set(["h", "2"]); }
console.log(new URLSearchParams(pairs()).toString());
try { new URLSearchParams([["a", "b", "c"]]); } catch (e) { console.log(e.name, e.message); }
try { u.searchParams.forEach(5); } catch (e) { console.log(e.name, e.code); }
const base = { toString() { return "https://base.test/a/"; } };
console.log(new URL("b?c#d", base).href);
u.searchParams.sort();
console.log(u.search, u.searchParams.size);
