// speed12's fused returns and calls: `return;` and a function's end (UNDEF; RETURN),
// `return x` of a local (GET_LOCAL r; RETURN) and a call whose last argument is a local
// (GET_LOCAL r; CALL) or a method call with no arguments (GET_METHOD key; CALL 0: a
// getter returning the method, primitives, proxies, missing methods), on every callee kind the CALL handles (guest functions in and out
// of its fast path, natives, bound functions, proxies, class constructors, non-callables)
// and from every kind of frame the RETURN handles — plain
// calls, methods, base and derived constructors (a primitive returned, an error thrown
// by the RETURN itself), generators, async functions, getters and setters, callbacks of
// natives, finally blocks, recursion deeper than the frame pool — and after the older
// fusions that run a following instruction themselves (two locals, a local and undefined).
"use strict";
const out = [];
const log = (...a) => out.push(a.map(String).join(","));

function nothing() {}
function early(x) {
  if (x > 1) return;
  x++;
}
function local(x) {
  const y = x * 2;
  return y;
}
function param(p) {
  return p;
}
log(nothing(), early(2), early(0), local(21), param("p"), param());

// Fib's shape: a comparison, then a local returned in the base case.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
log(fib(15));

// Deeper than the frame pool (256), each level returning a local or nothing.
function down(n) {
  if (n === 0) return;
  const r = down(n - 1);
  const m = n;
  if (r === undefined) return m;
  return m;
}
log(down(600));

// Methods and `this`.
const o = {
  v: 5,
  get(k) {
    const r = this[k];
    return r;
  },
  set(v) {
    this.v = v;
  },
  get twice() {
    const t = this.v * 2;
    return t;
  },
  set half(h) {
    this.v = h / 2;
    return;
  },
};
log(o.get("v"), o.set(8), o.v, o.twice);
o.half = 10;
log(o.v);

// Constructors: nothing returned, a primitive (ignored), an object local (kept).
function Base(x) {
  this.x = x;
}
function Prim(x) {
  this.x = x;
  const p = 7;
  return p;
}
function Obj(x) {
  const other = { other: x };
  return other;
}
log(new Base(1).x, new Prim(2).x, new Obj(3).other, new Obj(3) instanceof Obj);

class A {
  constructor(a) {
    this.a = a;
    return;
  }
}
class B extends A {
  constructor(b) {
    super(b);
    const u = undefined;
    return u;
  }
}
class C extends A {
  constructor(c) {
    super(c);
    const bad = 42;
    return bad;
  }
}
class D extends A {
  constructor() {
    const kept = { d: 1 };
    return kept;
  }
}
log(new B(4).a, new D().d);
try {
  new C(1);
} catch (e) {
  log(e.constructor.name, e.message);
}

// Generators and async functions: their return completes them.
function* gen(n) {
  yield n;
  const last = n + 1;
  return last;
}
function* empty() {
  yield 1;
}
log(JSON.stringify([...gen(1)]), JSON.stringify(Array.from(empty())));
const it = gen(10);
log(JSON.stringify([it.next(), it.next(), it.next()]));
async function af(x) {
  const y = await x;
  return y;
}
async function an() {
  await null;
}

// Callbacks of natives (frames a native pushed) and finally.
log([1, 2, 3].map((x) => {
  const y = x + 1;
  return y;
}));
log([3, 1, 2].sort((a, b) => {
  const d = a - b;
  return d;
}));
log([1, 2].forEach(nothing));
function fin(x) {
  try {
    return x;
  } finally {
    log("finally", x);
  }
}
function fin2(x) {
  try {
    x++;
  } finally {
    const z = x;
    if (z > 0) log("z", z);
  }
  return x;
}
log(fin(1), fin2(1));

// After fusions that run the next instruction themselves: two locals, a local and
// undefined, a local's increment.
function pair(a, b) {
  a, b;
  return b;
}
function incThenReturn(i) {
  i++;
  return i;
}
function callThenNothing(f) {
  f();
}
log(pair(1, 2), incThenReturn(4), callThenNothing(nothing));

// Calls whose last argument is a local, on each kind of callee.
function usesArguments(a) {
  return arguments.length + a;
}
class K {
  constructor(k) {
    this.k = k;
  }
  m(x) {
    return x * 2;
  }
}
class L extends K {
  m(x) {
    const y = super.m(x);
    return y + 1;
  }
}
function calls(x) {
  const f = local;
  const bound = param.bind(null);
  const proxied = new Proxy(local, {});
  const r = [f(x), Math.max(1, x), bound(x), proxied(x), usesArguments(x), new L(1).m(x)];
  r.push(param?.(x), [x].map(param)[0], String(x), f(x, x));
  const nil = null;
  r.push(nil?.(x));
  let n = x;
  r.push(param(n++), n, param(x + n));
  for (const g of [K, 3, undefined]) {
    try {
      g(x);
    } catch (e) {
      r.push(e.constructor.name + ": " + e.message);
    }
  }
  return r;
}
log(calls(3).join(" | "));
const big = [];
function pushAll(k) {
  for (let i = 0; i < k; i++) big.push(i);
  return big.length;
}
log(pushAll(3), pushAll(2));
function rec(n) {
  if (n <= 0) return n;
  const m = n - 1;
  return rec(m);
}
log(rec(700));

// Method calls with no arguments.
class Counter {
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n++;
    return this;
  }
  get viaGetter() {
    const self = this;
    return function () {
      return self.n * 10;
    };
  }
}
function methods() {
  const c = new Counter();
  const r = [c.inc().inc().n, c.viaGetter(), "ab".toUpperCase(), (5).toString(), [3, 1].pop()];
  const p = new Proxy(
    {},
    {
      get(_t, k) {
        return () => "trap " + String(k);
      },
    },
  );
  r.push(p.anything(), c.missing?.(), c.inc?.().n);
  for (const o of [null, undefined, {}, { m: 1 }, 7]) {
    try {
      o.m();
    } catch (e) {
      r.push(e.constructor.name + ": " + e.message);
    }
  }
  let total = 0;
  const objs = [new Counter(), { inc: () => ({ n: -1 }) }, Object.create(new Counter())];
  for (let i = 0; i < 30; i++) total += objs[i % 3].inc().n;
  r.push(total);
  return r;
}
log(methods().join(" | "));

af(9).then((v) => log("af", v));
an().then((v) => {
  log("an", v);
  console.log(out.join("\n"));
});
