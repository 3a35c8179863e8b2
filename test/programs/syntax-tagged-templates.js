// Tests tagged templates: arguments, cooked vs raw strings, member and call tags, `this`.
function tag(strings, ...values) {
  return JSON.stringify({ s: [...strings], v: values, n: strings.length });
}
console.log(tag`a${1}b${2}c`);
console.log(tag`${"only"}`);
console.log(tag``);
console.log(tag`no subs`);
const obj = {
  prefix: ">",
  t(strings, ...v) {
    return this.prefix + strings.join("_") + v.join("");
  },
};
console.log(obj.t`x${1}y`);
console.log(obj["t"]`p${2}q`);
function makeTag(label) {
  return (s, ...v) => label + ":" + s.raw.join("|") + ":" + v.length;
}
console.log(makeTag("L")`one${1}two${2}`);
// tags can return non-strings
const arrTag = (s, ...v) => v;
console.log(arrTag`${1}${2}${3}`.length);
// the strings array is frozen, raw too
const check = (s) => [Object.isFrozen(s), Object.isFrozen(s.raw), Array.isArray(s), Array.isArray(s.raw)].join();
console.log(check`x`);
// values are evaluated left to right before the tag is called
const log = [];
const lt = (s, ...v) => log.push("tag called with " + v.join(","));
lt`${(log.push("v1"), 1)}${(log.push("v2"), 2)}`;
console.log(log.join(" | "));
// nested templates
const inner = (s, ...v) => s[0] + v[0] + s[1];
console.log(inner`[${inner`(${"core"})`}]`);
// html escaping example
function html(s, ...vals) {
  return s.reduce(
    (acc, str, i) =>
      acc + str + (i < vals.length ? String(vals[i]).replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]) : ""),
    "",
  );
}
console.log(html`<p>${"<b>bold & brave</b>"}</p>`);
// String.raw is a tag
console.log(String.raw`a\nb${1 + 1}\t`);
// chained tag calls
const curry = (s1) => (s2) => s1[0] + "+" + s2[0];
console.log(curry`first``second`);
