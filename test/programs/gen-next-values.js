// Tests values passed to next(v): the first is discarded, later ones become yield results.
function* accumulator() {
  let total = 0;
  while (true) {
    const v = yield total;
    if (v === undefined) break;
    total += v;
  }
  return "final " + total;
}
const acc = accumulator();
console.log(JSON.stringify(acc.next("ignored")));
console.log(JSON.stringify(acc.next(5)));
console.log(JSON.stringify(acc.next(10)));
console.log(JSON.stringify(acc.next()));
console.log(JSON.stringify(acc.next(1)));
// conversation style
function* dialog() {
  const name = yield "What is your name?";
  const color = yield "Hi " + name + ", favorite color?";
  return name + " likes " + color;
}
const d = dialog();
console.log(d.next().value);
console.log(d.next("Ann").value);
console.log(d.next("green").value);
// next called with multiple args only passes the first
function* echo() {
  const got = [];
  for (let i = 0; i < 3; i++) got.push(yield i);
  return got.join("|");
}
const ec = echo();
ec.next();
ec.next("a", "b");
ec.next(undefined);
console.log(ec.next(null).value);
// state machine driven by next values
function* traffic() {
  let state = "red";
  for (;;) {
    const cmd = yield state;
    if (cmd === "stop") return "stopped in " + state;
    state = { red: "green", green: "yellow", yellow: "red" }[state];
  }
}
const t = traffic();
const seq = [t.next().value];
for (let i = 0; i < 4; i++) seq.push(t.next().value);
seq.push(t.next("stop").value);
console.log(seq.join(" -> "));
// arguments to the generator function are bound at call time
function* args(a, b) {
  yield a;
  a = "changed";
  yield arguments[0];
  yield b;
}
console.log([...args("x", "y")].join(","));
