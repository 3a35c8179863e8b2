// Iterator helpers (ES2025). Node 20 lacks them, so the program checks itself against
// results worked out from the spec and prints only labels and "ok" (what node prints
// too, having nothing to check).
const HAS = typeof Iterator === "function" && typeof Iterator.prototype.map === "function";
let log = [];
function check(label, run, expected) {
  if (!HAS) return console.log(label, "ok");
  log = [];
  let got;
  try {
    got = JSON.stringify(run());
  } catch (e) {
    got = "throws " + e.constructor.name;
  }
  const all = log.concat(got === undefined ? "undefined" : got).join(" | ");
  console.log(label, all === expected ? "ok" : "FAIL: " + all);
}

/** An iterator over `values` that logs next/return calls. */
function counted(values) {
  let i = 0;
  return {
    __proto__: HAS ? Iterator.prototype : Object.prototype,
    next() {
      log.push("next");
      return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true };
    },
    return() {
      log.push("return");
      return {};
    },
  };
}
function* gen(n) {
  for (let i = 1; i <= n; i++) yield i;
}

check("map", () => gen(4).map((x, i) => x * 10 + i).toArray(), "[10,21,32,43]");
check("filter", () => gen(6).filter((x) => x % 2 === 0).toArray(), "[2,4,6]");
check("take", () => gen(9).take(3).toArray(), "[1,2,3]");
check("take closes", () => counted([1, 2, 3]).take(2).toArray(), "next | next | return | [1,2]");
check("take 0", () => counted([1]).take(0).toArray(), "return | []");
check("take Infinity", () => gen(3).take(Infinity).toArray(), "[1,2,3]");
check("drop", () => gen(5).drop(3).toArray(), "[4,5]");
check("drop past end", () => counted([1]).drop(5).toArray(), "next | next | []");
check("flatMap", () => gen(3).flatMap((x) => Array(x).fill(x)).toArray(), "[1,2,2,3,3,3]");
check("flatMap string result refused", () => gen(1).flatMap((x) => "ab").toArray(), "throws TypeError");
check("flatMap String object ok", () => gen(1).flatMap((x) => new String("ab")).toArray(), '["a","b"]');
check("reduce", () => gen(4).reduce((a, b) => a + b), "10");
check("reduce initial", () => gen(4).reduce((a, b, i) => a + b * i, 100), "120");
check("reduce empty", () => gen(0).reduce((a, b) => a + b), "throws TypeError");
check("toArray", () => counted(["a"]).toArray(), 'next | next | ["a"]');
check("forEach", () => gen(3).forEach((x, i) => log.push(x + "@" + i)), "1@0 | 2@1 | 3@2 | undefined");
check("some true closes", () => counted([1, 2, 3]).some((x) => x === 2), "next | next | return | true");
check("some false", () => counted([1]).some((x) => x === 2), "next | next | false");
check("every false closes", () => counted([1, 2]).every((x) => x < 1), "next | return | false");
check("every true", () => gen(3).every((x) => x > 0), "true");
check("find", () => counted([1, 2, 3]).find((x) => x > 1), "next | next | return | 2");
check("find none", () => gen(2).find((x) => x > 5), "undefined");
check("lazy", () => {
  const it = counted([1, 2, 3]).map((x) => (log.push("map " + x), x));
  log.push("made");
  return [it.next(), it.next()].map((r) => r.value);
}, "made | next | map 1 | next | map 2 | [1,2]");
check("chained", () => gen(20).filter((x) => x % 3 === 0).map((x) => x * x).drop(1).take(3).toArray(), "[36,81,144]");

// closing behaviour
check("return before start closes underlying", () => counted([1]).map((x) => x).return(), 'return | {"done":true}');
check("return after start closes underlying", () => {
  const h = counted([1, 2]).map((x) => x);
  h.next();
  return h.return();
}, 'next | return | {"done":true}');
check("return twice", () => {
  const h = counted([1, 2]).filter((x) => true);
  h.next();
  h.return();
  return h.return();
}, 'next | return | {"done":true}');
check("callback throws closes", () => counted([1, 2]).map((x) => { throw new RangeError("x"); }).next(), "next | return | throws RangeError");
check("next after throw is done", () => {
  const h = counted([1, 2]).map((x) => { throw 1; });
  try { h.next(); } catch {}
  return h.next();
}, 'next | return | {"done":true}');
check("next throws: no close", () => ({ __proto__: Iterator.prototype, next() { throw new EvalError(); }, return() { log.push("return"); } }).map((x) => x).next(), "throws EvalError");
check("flatMap return closes inner then outer", () => {
  const h = counted([1]).flatMap((x) => counted(["a", "b"]));
  h.next();
  return h.return();
}, 'next | next | return | return | {"done":true}');
check("reentrant next", () => {
  let h;
  h = gen(2).map(() => h.next());
  return h.next();
}, "throws TypeError");

// argument validation: TypeError/RangeError, the receiver closed, next never read
const closable = () => ({ __proto__: Iterator.prototype, get next() { log.push("get next"); return () => ({ done: true }); }, return() { log.push("return"); return {}; } });
check("map non-callable", () => closable().map(1), "return | throws TypeError");
check("take(-1)", () => closable().take(-1), "return | throws RangeError");
check("take(NaN)", () => closable().take(NaN), "return | throws RangeError");
check("drop(undefined)", () => closable().drop(), "return | throws RangeError");
check("take(2**53)", () => closable().take(2 ** 53), "return | throws RangeError");
check("take valueOf order", () => closable().take({ valueOf() { log.push("valueOf"); return 1; } }) && "made", 'valueOf | get next | "made"');
check("take valueOf throws", () => closable().take({ valueOf() { throw new SyntaxError(); } }), "return | throws SyntaxError");
check("map on primitive", () => Iterator.prototype.map.call(1, (x) => x), "throws TypeError");
check("reduce non-callable", () => closable().reduce(), "return | throws TypeError");

// Iterator, Iterator.from, the prototype's accessors
check("Iterator abstract", () => new Iterator(), "throws TypeError");
check("Iterator call", () => Iterator(), "throws TypeError");
check("subclass", () => { class My extends Iterator { next() { return { done: true }; } } const m = new My(); return [m instanceof Iterator, m.toArray()]; }, "[true,[]]");
check("from wraps", () => {
  const w = Iterator.from({ next() { return { value: 7, done: false }; } });
  return [w instanceof Iterator, w.take(2).toArray(), typeof w.return, w.return()];
}, '[true,[7,7],"function",{"done":true}]');
check("from passes Iterator instances", () => { const g = gen(1); return Iterator.from(g) === g; }, "true");
check("from string", () => Iterator.from("a😀").toArray(), '["a","😀"]');
check("from number", () => Iterator.from(5), "throws TypeError");
check("from iterable", () => Iterator.from(new Set([1, 2])).map((x) => -x).toArray(), "[-1,-2]");
check("toStringTag", () => [Iterator.prototype[Symbol.toStringTag], Object.prototype.toString.call(gen(1).map((x) => x)), String(Iterator.from({ next() {} }))], '["Iterator","[object Iterator Helper]","[object Iterator]"]');
check("constructor accessor", () => {
  const d = Object.getOwnPropertyDescriptor(Iterator.prototype, "constructor");
  const o = Object.create(Iterator.prototype);
  o.constructor = 5;
  return [typeof d.get, typeof d.set, Iterator.prototype.constructor === Iterator, Object.getOwnPropertyDescriptor(o, "constructor").value];
}, '["function","function",true,5]');
check("set tag on prototype", () => { Iterator.prototype[Symbol.toStringTag] = "x"; }, "throws TypeError");
check("shapes", () => {
  const HP = Object.getPrototypeOf(gen(1).map((x) => x));
  return [Object.getOwnPropertyNames(HP), Object.getPrototypeOf(HP) === Iterator.prototype, Iterator.prototype.map.length, Iterator.prototype.reduce.length, Iterator.from.length, Iterator.length, "prototype" in Iterator.prototype.map];
}, '[["next","return"],true,1,1,1,0,false]');
check("prototype descriptor", () => Object.getOwnPropertyDescriptor(Iterator, "prototype").writable, "false");
