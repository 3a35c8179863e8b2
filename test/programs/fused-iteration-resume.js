// speed16's fused iteration and resumption: a for-of step's look at its iterator result
// (ITER_CHECK; DUP; GET_PROP "done"; JUMP_IF_TRUE; GET_PROP "value") read in one
// instruction when both are own data properties of a plain object, and the sequence
// run as written otherwise (getters on the result or its prototype, inherited done,
// truthy and falsy non-booleans, arrays, proxies, primitives, a result in dictionary
// mode); a generator's check of how it was resumed (DUP; INT 2; SEQ; JUMP_IF_FALSE …
// RESUME_CHECK) skipped on next() and run on return() and throw() (through finally
// blocks, in nested generators, yield*, destructuring, async generators), next to the
// older fusions (a local's increment, a local and an integer feeding a jump, returns).
"use strict";
const out = [];
const log = (...a) => out.push(a.map(String).join(","));

function iterable(results) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return { next: () => results[i++] };
    },
  };
}
function collect(it) {
  const seen = [];
  for (const x of it) seen.push(x);
  return seen.join("|");
}

// Plain literal results, values of every kind, done as a truthy or falsy non-boolean.
log(collect(iterable([{ value: 1, done: false }, { done: 0, value: "b" }, { value: 3, done: 1 }])));
log(collect(iterable([{ value: null, done: "" }, { value: undefined, done: NaN }, { done: "yes" }])));
log(collect(iterable([{ value: 7 }, { value: 8, done: {} }])));
log(collect(iterable([{ done: false, value: [1, 2] }, { done: [], value: 0 }])));

// Getters on the result: read in order, done first, each once.
const order = [];
const getterResult = (v, d) => ({
  get done() {
    order.push("done" + v);
    return d;
  },
  get value() {
    order.push("value" + v);
    return v;
  },
});
log(collect(iterable([getterResult(1, false), getterResult(2, false), getterResult(3, true)])));
log(order.join(" "));

// done or value inherited, or a getter on the prototype only.
const proto = { done: false };
const inherited = Object.create(proto);
inherited.value = "inh";
const protoGetter = Object.create({
  get value() {
    return "from proto getter";
  },
});
protoGetter.done = false;
log(collect(iterable([inherited, protoGetter, { done: true }])));

// An own value getter after a data done; an array and a function as results; a result
// in dictionary mode (a deleted property).
const arr = [9];
arr.done = false;
arr.value = "array";
const fn = function () {};
fn.done = false;
fn.value = "function";
const dict = { a: 1, value: "dict", done: false, b: 2 };
delete dict.a;
const ownGetter = {
  done: false,
  get value() {
    return "own getter";
  },
};
log(collect(iterable([arr, fn, dict, ownGetter, { done: true }])));

// A proxy result: its traps see each read.
const traps = [];
const proxied = new Proxy(
  { value: "proxy", done: false },
  {
    get(t, k) {
      traps.push(String(k));
      return t[k];
    },
  },
);
log(collect(iterable([proxied, { done: true }])), traps.join(" "));

// A primitive result throws the iterator-result error.
try {
  collect(iterable([{ value: 1, done: false }, 5]));
} catch (e) {
  log(e.constructor.name, e.message);
}

// Destructuring takes the same steps.
const [p, q, ...rest] = iterable([
  { value: "p", done: false },
  getterResult("q", false),
  { value: "r", done: false },
  { done: true },
]);
log(p, q, rest.join());

// Generators resumed by next(), return() and throw(), through finally blocks.
function* counter(n) {
  let i = 0;
  try {
    while (i < n) {
      const got = yield i;
      if (got !== undefined) log("got", got);
      ++i;
    }
  } finally {
    log("finally", i);
  }
  return "end";
}
const g = counter(5);
log(JSON.stringify(g.next()), JSON.stringify(g.next("a")), JSON.stringify(g.next()));
log(JSON.stringify(g.return("stop")), JSON.stringify(g.next()));
const t = counter(5);
t.next();
try {
  t.throw(new Error("boom"));
} catch (e) {
  log("thrown", e.message);
}
log(JSON.stringify(t.next()));

// A finally that yields again while returning.
function* stubborn() {
  try {
    yield 1;
    yield 2;
  } finally {
    yield "cleanup";
    log("after cleanup");
  }
}
const s = stubborn();
log(JSON.stringify(s.next()), JSON.stringify(s.return(9)), JSON.stringify(s.next()));
log(JSON.stringify(s.next()));

// Nested generators, yield*, break out of a for-of (return() on the inner ones).
function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* evens(it) {
  for (const x of it) if (x % 2 === 0) yield x;
}
function* both(n) {
  yield* evens(range(n));
  yield* range(3);
}
let sum = 0;
for (const x of both(20)) sum += x;
log("sum", sum);
const firsts = [];
for (const x of evens(range(100))) {
  if (x > 6) break;
  firsts.push(x);
}
log(firsts.join());
const inner = both(10);
for (const x of inner) if (x === 4) break;
log(JSON.stringify(inner.next()));

// Returning and throwing into a generator suspended inside a for-of over another.
function* outer() {
  try {
    for (const x of range(5)) yield x * 10;
  } finally {
    log("outer finally");
  }
}
const o1 = outer();
o1.next();
o1.next();
log(JSON.stringify(o1.return("r")));
const o2 = outer();
o2.next();
try {
  o2.throw("t");
} catch (e) {
  log("caught", e);
}

// A value sent into next() is used where the yield stands.
function* echo() {
  let total = 0;
  for (;;) {
    const v = yield total;
    if (v === undefined) return total;
    total += v;
  }
}
const e = echo();
e.next();
e.next(1);
e.next(2);
log(JSON.stringify(e.next(3)), JSON.stringify(e.next()));

// Async generators and for await: awaits and yields resumed, returned and thrown.
async function* ticks(n) {
  try {
    for (let i = 0; i < n; i++) yield await Promise.resolve(i);
  } finally {
    log("ticks finally");
  }
}
(async () => {
  let total = 0;
  for await (const x of ticks(4)) total += x;
  log("ticks", total);
  for await (const x of ticks(10)) if (x === 2) break;
  const a = ticks(3);
  await a.next();
  log(JSON.stringify(await a.return("done")));
  async function* delegate() {
    yield* ticks(2);
    yield* [5, 6];
  }
  const all = [];
  for await (const x of delegate()) all.push(x);
  log(all.join());
  console.log(out.join("\n"));
})();
