// Tests computed member names in classes: evaluation order, symbols, numbers, statics.
const log = [];
function key(k) {
  log.push("key " + k);
  return k;
}
class C {
  [key("a")]() {
    return "method a";
  }
  static [key("b")]() {
    return "static b";
  }
  get [key("c")]() {
    return "getter c";
  }
  [key("d")] = (log.push("init d"), "field d");
  static [key("e")] = (log.push("init e"), "static e");
  [key(1 + 1)]() {
    return "two";
  }
}
log.push("class done");
console.log(log.join(", "));
log.length = 0;
const c = new C();
console.log(log.join(", "));
console.log(c.a(), C.b(), c.c, c.d, C.e, c[2]());
console.log(Object.getOwnPropertyNames(C.prototype).join(","));
// symbol-keyed methods
const tag = Symbol("tag");
class S {
  [tag]() {
    return "symbol method";
  }
  get [Symbol.toStringTag]() {
    return "Special";
  }
}
console.log(new S()[tag](), String(new S()), Object.prototype.toString.call(new S()));
console.log(Object.getOwnPropertySymbols(S.prototype).length);
// computed keys are evaluated once per class definition, coerced with ToPropertyKey
let n = 0;
const objKey = {
  toString() {
    n++;
    return "fromToString";
  },
};
class K {
  [objKey]() {
    return "ok";
  }
}
console.log(new K().fromToString(), n);
new K();
console.log(n);
// duplicate keys: later one wins
class Dup {
  m() {
    return 1;
  }
  ["m"]() {
    return 2;
  }
}
console.log(new Dup().m());
// method names that are keywords and strings
class Kw {
  if() {
    return "if";
  }
  "with space"() {
    return "space";
  }
  static new() {
    return "new";
  }
}
console.log(new Kw().if(), new Kw()["with space"](), Kw.new());
// computed key throwing aborts class definition
try {
  class Broken {
    [(() => {
      throw new Error("key boom");
    })()]() {}
  }
} catch (e) {
  console.log("caught", e.message);
}
