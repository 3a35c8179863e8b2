// Tests template literal substitutions: ToString conversion, evaluation order, nesting.
const obj = {
  toString() {
    return "toString";
  },
  valueOf() {
    return "valueOf";
  },
};
console.log(`${obj}`, "" + obj, String(obj));
const prim = {
  [Symbol.toPrimitive](hint) {
    return "hint:" + hint;
  },
};
console.log(`${prim}`, "" + prim);
console.log(`${null} ${undefined} ${true} ${1e21} ${-0} ${[1, [2, 3]]} ${{}}`);
try {
  `${Symbol("s")}`;
} catch (e) {
  console.log("symbol in template:", e.constructor.name);
}
console.log(`${10n} ${0.1 + 0.2}`);
const log = [];
const val = (x) => (log.push(x), x);
const s = `${val("a")}-${val("b")}-${val("c")}`;
console.log(s, log.join(""));
const n = 3;
console.log(`outer ${`inner ${n > 2 ? `deep ${n}` : "shallow"}`} end`);
console.log(`multi
line`.split("\n").length);
console.log(`${"$"}{not a substitution}`, `\${escaped}`, `$notsub`, `{${1}}`);
const items = ["x", "y"];
console.log(`<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`);
console.log(`${`${`${"triple"}`}`}`.length);
// toString called each time the template is evaluated
let calls = 0;
const counted = {
  toString() {
    return "c" + ++calls;
  },
};
for (let i = 0; i < 3; i++) `${counted}`;
console.log(calls);
console.log(`a${1}b${2}c`.length, typeof `${1}`);
