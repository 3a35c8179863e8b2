// yield* in async generators: the delegating generator forwards next/throw/return to
// an inner iterator, awaits its results and catches what it throws, including errors
// raised by natives inside the inner iterator and by the VM's own protocol checks
// (non-object results, missing throw()). What the outer generator catches must be
// guest errors, and the iterator result objects guest objects.

function check(what, e) {
  exploit(what, e);
  if (!(e instanceof Error)) escaped(what, "caught a non-error: " + describe(e));
  else if (e.constructor.constructor !== Function)
    escaped(what, "constructor.constructor is foreign");
}
async function run(what, inner) {
  async function* outer() {
    try {
      yield* inner;
    } catch (e) {
      check(what, e);
      yield "caught";
    }
  }
  var out = [];
  try {
    for await (var v of outer()) {
      exploit(what + " value", v);
      out.push(v);
    }
  } catch (e) {
    check(what + " (outside)", e);
  }
  console.log("attempt " + what + ": " + out.length);
  __lab.attempts++;
}

(async function () {
  await run(
    "native error in the inner generator",
    (async function* () {
      yield 1;
      null.x;
    })(),
  );
  await run("inner next returns a primitive", {
    [Symbol.asyncIterator]() {
      return {
        next: function () {
          return 1;
        },
      };
    },
  });
  await run("inner next returns a rejected promise", {
    [Symbol.asyncIterator]() {
      return {
        next: function () {
          return Promise.reject(new RangeError("r"));
        },
      };
    },
  });
  await run("inner next throws a native error", {
    [Symbol.asyncIterator]() {
      return {
        next: function () {
          return JSON.parse("{");
        },
      };
    },
  });
  await run("inner result done getter throws", {
    [Symbol.asyncIterator]() {
      return {
        next: function () {
          return {
            get done() {
              throw new TypeError("done getter");
            },
          };
        },
      };
    },
  });
  await run("inner value is a thenable that rejects", {
    [Symbol.asyncIterator]() {
      var i = 0;
      return {
        next: function () {
          return {
            done: i++ > 0,
            value: {
              then: function (res, rej) {
                exploit("inner thenable resolve", res);
                rej(new URIError("u"));
              },
            },
          };
        },
      };
    },
  });
  await run("sync iterator under yield* of an async generator", [
    Promise.reject(new EvalError("e")),
  ]);
  // throw() forwarded to an inner iterator without throw(): the VM's own TypeError.
  attempt("throw() into a delegate without throw", function () {
    async function* outer() {
      yield* {
        [Symbol.asyncIterator]() {
          return {
            next: function () {
              return { done: false, value: 1 };
            },
            return: function () {
              return {};
            },
          };
        },
      };
    }
    var g = outer();
    return g.next().then(function () {
      return g.throw(new Error("thrown in")).catch(function (e) {
        check("missing throw()", e);
      });
    });
  });
  attempt("return() with an inner return that throws", function () {
    async function* outer() {
      yield* {
        [Symbol.asyncIterator]() {
          return {
            next: function () {
              return { done: false, value: 1 };
            },
            return: function () {
              throw new ReferenceError("in return");
            },
          };
        },
      };
    }
    var g = outer();
    return g.next().then(function () {
      return g.return(1).catch(function (e) {
        check("inner return throws", e);
      });
    });
  });
  setTimeout(done, 0);
})();
