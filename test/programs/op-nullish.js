// Tests the ?? operator versus ||, and its short-circuiting.
console.log(null ?? "d", undefined ?? "d", 0 ?? "d", "" ?? "d", false ?? "d", NaN ?? "d");
console.log(0 || "d", "" || "d");
var hits = 0;
function side() { hits++; return "side"; }
console.log("v" ?? side(), hits);
console.log(null ?? side(), hits);
var cfg = { count: 0, title: "" };
console.log(cfg.count ?? 10, cfg.title ?? "untitled", cfg.missing ?? "fallback");
console.log((null ?? 0) || "x");
console.log(null ?? undefined ?? "third");
