// Found by the fuzzer: Number(x) is ToNumeric then BigInt → Number, so an object whose
// primitive is a BigInt converts; Jaunt threw "Cannot convert a BigInt value to a number".
const viaToPrimitive = { [Symbol.toPrimitive]: (hint) => (console.log("hint", hint), 10n) };
console.log(Number(viaToPrimitive));
console.log(Number(Object(5n)), Number({ valueOf: () => 2n ** 64n }), new Number(Object(-3n)) + 0);
try {
  Number({ valueOf: () => Symbol("s") });
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  +{ valueOf: () => 1n };
} catch (e) {
  console.log(e.name + ": " + e.message);
}
