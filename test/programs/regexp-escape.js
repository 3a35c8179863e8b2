// RegExp.escape (ES2025; Node 20 lacks it, so each case checks itself against the spec).
const has = typeof RegExp.escape === "function";
const cases = [
  ["foo", "\\x66oo"],
  ["1+1", "\\x31\\+1"],
  ["a.b", "\\x61\\.b"],
  ["(x)", "\\(x\\)"],
  ["_a/b", "_a\\/b"],
  [" \n\t", "\\x20\\n\\t"],
  [",-=<>#&!%:;@~'`\"", "\\x2c\\x2d\\x3d\\x3c\\x3e\\x23\\x26\\x21\\x25\\x3a\\x3b\\x40\\x7e\\x27\\x60\\x22"],
  ["\u2028\u00a0\ufeff", "\\u2028\\xa0\\ufeff"],
  ["\ud800x", "\\ud800x"],
  ["😀^$", "😀\\^\\$"],
  ["", ""],
];
for (const [input, want] of cases) console.log(!has || RegExp.escape(input) === want);
console.log(!has || new RegExp(RegExp.escape("a.b*c")).test("xa.b*cx"));
let threw = !has;
try {
  if (has) RegExp.escape(1);
} catch (e) {
  threw = e instanceof TypeError;
}
console.log(threw);
