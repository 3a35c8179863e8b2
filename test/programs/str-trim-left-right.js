// Annex B trimLeft/trimRight: the same function objects as trimStart/trimEnd (so their
// name is "trimStart"/"trimEnd"), non-enumerable, and they coerce `this` the same way.
const P = String.prototype;
console.log(P.trimLeft === P.trimStart, P.trimRight === P.trimEnd);
console.log(P.trimLeft.name, P.trimRight.name, P.trimRight.length);
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(P, "trimRight")));
console.log(JSON.stringify("  a b \n".trimLeft()), JSON.stringify("\t a b \u00a0".trimRight()));
console.log(P.trimRight.call(42), Object.keys(P).includes("trimLeft"));
try {
  P.trimLeft.call(null);
} catch (e) {
  console.log(e.constructor.name);
}
