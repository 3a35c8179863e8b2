// Tests classes implementing Symbol.iterator (generator and manual) used by for-of/spread.
class Range {
  constructor(from, to, step = 1) {
    this.from = from;
    this.to = to;
    this.step = step;
  }
  *[Symbol.iterator]() {
    for (let i = this.from; i < this.to; i += this.step) yield i;
  }
}
const r = new Range(0, 10, 3);
console.log([...r].join(","));
for (const x of new Range(1, 3)) console.log("for-of", x);
const [first, , third] = new Range(5, 100, 5);
console.log(first, third);
console.log(Array.from(new Range(0, 4), (x) => x * x).join(","));
console.log(Math.max(...new Range(0, 50, 7)));
// manual iterator class with return()
class Countdown {
  constructor(n) {
    this.n = n;
    this.log = [];
  }
  [Symbol.iterator]() {
    let n = this.n;
    const log = this.log;
    return {
      next() {
        log.push("next");
        return n > 0 ? { value: n--, done: false } : { value: undefined, done: true };
      },
      return(v) {
        log.push("return");
        return { value: v, done: true };
      },
    };
  }
}
const cd = new Countdown(5);
for (const v of cd) {
  if (v === 3) break;
}
console.log(cd.log.join(","));
const cd2 = new Countdown(2);
console.log([...cd2].join(","), cd2.log.join(","));
// iterator inherited by subclasses, overridden to filter
class EvenRange extends Range {
  *[Symbol.iterator]() {
    for (const v of super[Symbol.iterator]()) if (v % 2 === 0) yield v;
  }
}
console.log([...new EvenRange(0, 9)].join(","));
// collection class with a keyed iterator and entries()
class Bag {
  #items = [];
  add(x) {
    this.#items.push(x);
    return this;
  }
  [Symbol.iterator]() {
    return this.#items[Symbol.iterator]();
  }
  *entries() {
    let i = 0;
    for (const it of this) yield [i++, it];
  }
}
const bag = new Bag().add("x").add("y");
console.log([...bag].join(","), JSON.stringify([...bag.entries()]));
console.log(new Set(bag).size, new Map(bag.entries()).get(1));
// static iterator on the class itself
class Colors {
  static *[Symbol.iterator]() {
    yield "red";
    yield "green";
  }
}
console.log([...Colors].join("+"));
