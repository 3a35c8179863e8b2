// Found by the fuzzer: `+` with a Symbol operand concatenates when the other side is
// (or converts to) a string and adds numbers otherwise, so V8's TypeError says
// "to a string" or "to a number" accordingly.
const s = Symbol("q");
const cases = [
  () => 0 + s,
  () => s + 0,
  () => "a" + s,
  () => s + "a",
  () => 1n + s,
  () => null + s,
  () => ({}) + s,
  () => s + { valueOf: () => 1 },
  () => {
    let y = 0;
    y += s;
  },
  () => {
    let y = "x";
    y += s;
  },
];
for (const f of cases)
  try {
    f();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
