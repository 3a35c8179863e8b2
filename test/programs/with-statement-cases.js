// The with statement: lookups, assignments, calls, closures, unscopables and getters.
var log = [];
var obj = {
  a: 1,
  get g() {
    log.push("get g");
    return "G";
  },
  set s(v) {
    log.push("set s " + v);
  },
  f() {
    return this === obj;
  },
};
with (obj) {
  a += 1;
  s = 5;
  console.log(a, g, f(), typeof missing);
}
console.log(log.join("; "), obj.a);
// closures capture the object environment
function make(o) {
  with (o) {
    return function () {
      return value;
    };
  }
}
var src = { value: 1 };
var read = make(src);
src.value = 2;
console.log(read());
// unscopables with a getter
var reads = [];
var u = {
  hide: "obj hide",
  get [Symbol.unscopables]() {
    reads.push("unscopables");
    return { hide: true };
  },
};
var hide = "outer hide";
with (u) {
  console.log(hide);
}
console.log(reads.length > 0);
// break, continue and return leave the with scope
var total = 0;
for (var i = 0; i < 3; i++) {
  with ({ i: 100 }) {
    if (i === 100) {
      total += i;
      continue;
    }
  }
}
console.log(total, i);
function early(o) {
  with (o) {
    return p;
  }
}
console.log(early({ p: "returned" }));
// exceptions thrown inside with restore the outer scope
var q = "outer q";
try {
  with ({ q: "inner q" }) {
    throw new Error(q);
  }
} catch (e) {
  console.log(e.message, q);
}
// with and eval together
var w = { wv: "with value" };
with (w) {
  console.log(eval("wv"));
  eval("var fromEval = 'declared'");
}
console.log(typeof fromEval, w.fromEval);
// with over a function's arguments and a primitive
function args() {
  with (arguments) {
    return length;
  }
}
console.log(args(1, 2, 3));
with (42) {
  console.log(toFixed(2));
}
// update expressions and delete through with
var counterObj = { n: 1 };
with (counterObj) {
  n++;
  ++n;
  console.log(n, delete n, typeof n);
}
