// AggregateError(errors, message, { cause }) installs its cause like the other errors.
const a = new AggregateError([1, 2], "m", { cause: 7 });
console.log(a.cause, a.message, a.errors, Object.hasOwn(a, "cause"));
const b = new AggregateError(new Set(["x"]), "from set", { cause: "c" });
console.log(b.cause, b.errors);
const c = new AggregateError([], "no cause", {});
console.log("cause" in c, Object.hasOwn(c, "cause"));
const d = new AggregateError([], "getter", { get cause() { return "got"; } });
console.log(d.cause);
const e = new AggregateError([], "inherited", Object.create({ cause: "proto" }));
console.log(e.cause);
const f = new AggregateError([], "undef", { cause: undefined });
console.log(Object.hasOwn(f, "cause"), f.cause);
const log = [];
new AggregateError(
  { *[Symbol.iterator]() { log.push("iterate"); yield 1; } },
  { toString() { log.push("message"); return "msg"; } },
  { get cause() { log.push("cause"); return 0; } },
);
console.log(log.join(","));
class MyAgg extends AggregateError {}
const m = new MyAgg(new Set([1]), "sub", { cause: 1 });
console.log(m instanceof MyAgg, m.cause, m.errors);
