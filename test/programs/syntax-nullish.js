// Tests ?? (nullish coalescing) compared with ||, precedence with parentheses, short-circuiting.
const vals = [null, undefined, 0, "", false, NaN, "x", 0n];
const labels = ["null", "undefined", "0", '""', "false", "NaN", '"x"', "0n"];
for (let i = 0; i < vals.length; i++) {
  const v = vals[i];
  const label = labels[i];
  console.log(label.padEnd(9), String(v ?? "dflt").padEnd(9), String(v || "dflt"));
}
let calls = 0;
const rhs = () => (calls++, "rhs");
console.log(1 ?? rhs(), calls);
console.log(null ?? rhs(), calls);
console.log(null ?? undefined ?? 0 ?? rhs(), calls);
console.log((null || undefined) ?? "mixed with parens");
console.log(null ?? (false || "inner or"));
console.log((0 && 1) ?? "and result 0 is not nullish");
const config = { timeout: 0, retries: null, name: "" };
console.log(config.timeout ?? 30, config.retries ?? 3, config.name ?? "anon", config.missing ?? "m");
console.log(config.timeout || 30, config.retries || 3, config.name || "anon");
// document.all-free: objects are never nullish
console.log({} ?? "x", typeof ([] ?? "x"));
// right associativity and chaining
const a = null,
  b = undefined,
  c = "c";
console.log(a ?? b ?? c);
// with optional chaining
const o = { p: { q: null } };
console.log(o.p?.q ?? "q null", o.z?.q ?? "z missing");
// in default-like position inside functions
function greet(name) {
  return "hello " + (name ?? "stranger");
}
console.log(greet(), greet(null), greet(""), greet("bob"));
