// Tests generator state transitions: suspended-start, suspended-yield, executing, completed.
function* g() {
  yield 1;
  return 2;
}
const it = g();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()));
for (let i = 0; i < 3; i++) console.log(JSON.stringify(it.next("ignored")));
console.log(JSON.stringify(it.return("r")), JSON.stringify(it.next()));
try {
  it.throw(new Error("after done"));
} catch (e) {
  console.log("throw after done:", e.message);
}
console.log(JSON.stringify(it.next()));
// re-entering a running generator is a TypeError
let self;
function* reentrant() {
  try {
    self.next();
  } catch (e) {
    yield "inner error: " + e.constructor.name;
  }
}
self = reentrant();
console.log(self.next().value);
function* reentrantReturn() {
  try {
    self.return();
  } catch (e) {
    yield "return while running: " + e.constructor.name;
  }
}
self = reentrantReturn();
console.log(self.next().value);
// a generator that threw is completed
function* thrower() {
  throw new Error("t");
}
const t = thrower();
try {
  t.next();
} catch (e) {}
console.log(JSON.stringify(t.next()));
// calling next on a non-generator receiver
try {
  g.prototype.next.call({});
} catch (e) {
  console.log("next on plain object:", e.constructor.name);
}
const GenProto = Object.getPrototypeOf(g.prototype);
try {
  GenProto.next.call([].values());
} catch (e) {
  console.log("next on array iterator:", e.constructor.name);
}
// generator function cannot be used with new
try {
  new g();
} catch (e) {
  console.log("new generator:", e.constructor.name);
}
