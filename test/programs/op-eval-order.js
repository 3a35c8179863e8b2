// Tests left-to-right evaluation order of operands, arguments and member keys.
var log = [];
function t(name, v) { log.push(name); return v; }
var r = t("a", 1) + t("b", 2) * t("c", 3);
console.log(r, log.join(""));
log = [];
function f(x, y, z) { return x + y + z; }
f(t("1", 1), t("2", 2), t("3", 3));
console.log(log.join(""));
log = [];
var obj = { p: { q: 5 } };
t("obj", obj)[t("key", "p")][t("key2", "q")] = t("val", 9);
console.log(log.join(","), obj.p.q);
log = [];
var v = t("l", 1) < t("r", 2) ? t("yes", "Y") : t("no", "N");
console.log(v, log.join(","));
log = [];
var arr = [t("x", 1), t("y", 2), t("z", 3)];
console.log(arr.length, log.join(""));
