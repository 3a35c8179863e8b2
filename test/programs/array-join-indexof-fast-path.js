// join and indexOf on plain dense arrays (served natively) and on what the native path
// leaves to the spec's loop: holes read through a prototype, objects, symbols.
const log = (...a) => console.log(...a);
const a = [1, -0, NaN, "s", null, undefined, true, 2n, 1.5e21, , 7];
log(a.join(), a.join(" | "), [].join(), [null].join("-"));
log(a.indexOf(NaN), a.indexOf(0), a.indexOf(-0), a.indexOf(undefined), a.indexOf(7, -1), a.indexOf(7, 20));
log(a.indexOf(1, -100), a.indexOf("s", 3.7), a.indexOf(2n), [, 1].indexOf(undefined));
log([1, [2, [3]], { toString: () => "obj" }].join(";"));
try { [Symbol("x")].join(); } catch (e) { log(e.constructor.name); }
const like = { length: 3, 0: "a", 1: "b", 2: "a" };
log(Array.prototype.join.call(like, "+"), Array.prototype.indexOf.call(like, "a", 1));
const big = [];
for (let i = 0; i < 100; i++) big.push("item" + i);
log(big.join(",").length, big.indexOf("item99"));
log([0, , 2].join(), [0, , 2].indexOf("P"));
// An index on Array.prototype shows through holes (and makes Array.prototype's length 2).
Array.prototype[1] = "P";
log([0, , 2].join(), [0, , 2].indexOf("P"), [0, , 2].indexOf(undefined));
delete Array.prototype[1];
