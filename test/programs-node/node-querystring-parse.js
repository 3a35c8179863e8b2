// node:querystring — parse (separators, +, %XX, repeats, maxKeys), stringify, escape.
const qs = require("node:querystring");
for (const s of ["a=1&b=2&a=3", "x+y=%41%zz&&=&e", "k==v;w", "%E9=%C3%A9&+=+", "a&b=&=c"]) {
  console.log(JSON.stringify([qs.parse(s), qs.parse(s, ";", "=="), qs.parse(s, "&", "=", { maxKeys: 1 })]));
}
console.log(qs.stringify({ a: [1, 2], b: "x y", c: true, d: null, e: 1e21, f: 10n, g: [], "k&": "=" }), qs.stringify({ a: 1 }, ";", ":"));
console.log(qs.unescape("%41%zz+"), qs.unescapeBuffer("%41+", true), qs.escape("a b!'()*~"), qs.decode === qs.parse);
try { qs.escape("\ud800"); } catch (e) { console.log(e.name, e.code, e.message); }
