// console.log of regexps, alone and inside containers, with extra properties.
const r = /a+b/gi;
console.log(r, [r], { r }, new Map([[r, /x/]]), new Set([/s/y]));
r.extra = 1;
console.log(r, [r]);
class MyRe extends RegExp {}
console.log(new MyRe("m", "g"), [new MyRe("n")]);
const n = /null/;
Object.setPrototypeOf(n, null);
console.log(n);
console.log(new RegExp("a/b\nc"), /[/]/, new RegExp(""));
console.log(String(/x/), `${/y/m}`, /z/ + "", [/q/] + "");
console.log("a".matchAll(/a/g));
console.log({ a: { b: { c: { d: /deep/ } } } });
