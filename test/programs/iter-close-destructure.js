// Tests iterator closing by array destructuring with fewer elements, rest and holes.
function tracked(n, log) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push("next");
          return i < n ? { value: i++, done: false } : { value: undefined, done: true };
        },
        return() {
          log.push("return");
          return {};
        },
      };
    },
  };
}
let log = [];
const [a, b] = tracked(5, log);
console.log(a, b, log.join(" "));
log = [];
const [c, d, e] = tracked(2, log);
console.log(c, d, e, log.join(" "));
log = [];
const [f, ...rest] = tracked(3, log);
console.log(f, rest.join(","), log.join(" "));
log = [];
const [] = tracked(3, log);
console.log("empty pattern:", log.join(" "));
log = [];
const [, , g] = tracked(10, log);
console.log(g, log.join(" "));
log = [];
const [h, i] = tracked(2, log);
console.log("exact length:", h, i, log.join(" "));
// default initializer throwing closes the iterator
log = [];
try {
  const [x = (() => { throw new Error("default"); })()] = (function* () {
    try {
      log.push("gen start");
      yield undefined;
      yield 2;
    } finally {
      log.push("gen finally");
    }
  })();
} catch (err) {
  console.log(err.message, log.join(" "));
}
// assignment target throwing closes too
log = [];
const frozen = Object.freeze({});
try {
  (function () {
    "use strict";
    [frozen.p] = tracked(3, log);
  })();
} catch (err) {
  console.log(err.constructor.name, log.join(" "));
}
// generator closed by destructuring: finally runs, later state done
const genLog = [];
function* g2() {
  try {
    yield 1;
    yield 2;
  } finally {
    genLog.push("finally ran");
  }
}
const gen = g2();
const [one] = gen;
console.log(one, genLog.join(), JSON.stringify(gen.next()));
