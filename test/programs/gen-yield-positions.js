// Tests yield in unusual expression positions and the left-to-right evaluation around it.
function drive(gen, inputs) {
  const out = [];
  let r = gen.next();
  let i = 0;
  while (!r.done) {
    out.push(String(r.value));
    r = gen.next(inputs[i++]);
  }
  out.push("=> " + JSON.stringify(r.value));
  return out.join(" ");
}
function* template() {
  return `<${yield "t1"}|${yield "t2"}>`;
}
console.log(drive(template(), ["A", "B"]));
function* callArgs() {
  return Math.max(yield "a1", yield "a2", 10);
}
console.log(drive(callArgs(), [30, 20]));
function* conditional() {
  return (yield "cond") ? yield "then" : yield "else";
}
console.log(drive(conditional(), [true, "T"]), "|", drive(conditional(), [0, "E"]));
function* computedKey() {
  return { [yield "key"]: yield "value" };
}
console.log(drive(computedKey(), ["k", "v"]));
function* destructDefault() {
  const { a = yield "need a", b = yield "need b" } = { b: "has b" };
  return a + "," + b;
}
console.log(drive(destructDefault(), ["got a"]));
function* binary() {
  const left = "L";
  return left + (yield "rhs");
}
console.log(drive(binary(), ["R"]));
function* inLoopCondition() {
  let n = 0;
  while (yield "continue?") n++;
  return n;
}
console.log(drive(inLoopCondition(), [1, 1, 1, 0]));
function* inArray() {
  return [yield 1, , yield 2].length;
}
console.log(drive(inArray(), ["x", "y"]));
function* logical() {
  const a = (yield "or-lhs") || (yield "or-rhs");
  const b = (yield "and-lhs") && (yield "and-rhs");
  const c = (yield "nc-lhs") ?? (yield "nc-rhs");
  return [a, b, c];
}
console.log(drive(logical(), [0, "R1", 0, null, "C"]));
function* assignmentTarget() {
  const o = {};
  o[yield "prop name"] = yield "prop value";
  return o;
}
console.log(drive(assignmentTarget(), ["name", "val"]));
