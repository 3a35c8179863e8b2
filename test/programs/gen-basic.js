// Tests basic generator behaviour: lazy start, yield results, completion, multiple instances.
const log = [];
function* counter(limit) {
  log.push("started");
  for (let i = 1; i <= limit; i++) {
    log.push("yielding " + i);
    yield i;
  }
  log.push("finishing");
}
const g = counter(2);
console.log("created, log:", JSON.stringify(log));
console.log(JSON.stringify(g.next()), log.join(","));
console.log(JSON.stringify(g.next()));
console.log(JSON.stringify(g.next()), log.join(","));
console.log(JSON.stringify(g.next()));
const a = counter(3);
const b = counter(3);
a.next();
a.next();
console.log(a.next().value, b.next().value);
console.log(typeof g, typeof counter, Object.prototype.toString.call(g));
console.log(g[Symbol.iterator]() === g);
// yield as expression in various positions
function* exprs() {
  const x = (yield "first") + 1;
  const arr = [yield "second", yield "third"];
  const obj = { k: yield "fourth" };
  return [x, arr.join("&"), obj.k].join(" ");
}
const e = exprs();
console.log(e.next().value, e.next(10).value, e.next("A").value, e.next("B").value);
console.log(JSON.stringify(e.next("K")));
// yield with no operand and precedence
function* prec() {
  yield;
  yield 1 + 2;
  yield (yield "inner") + "!";
  yield [1, 2], 3;
}
const p = prec();
const results = [];
for (let r = p.next(); !r.done; r = p.next("sent")) results.push(JSON.stringify(r.value));
console.log(results.join(" "));
// generator function expression, arrow not allowed -> use expression
const anon = function* () {
  yield* [1, 2];
};
console.log([...anon()].join(), anon.name);
