// Symbol.species: natives construct their results with a constructor the guest
// chooses (Array, Promise, RegExp, typed arrays, ArrayBuffer). The constructor
// receives arguments from the native, and for promises an executor whose resolve
// and reject functions come from the VM: all must be guest functions and values.

function spy(tag, base) {
  return function Species() {
    for (var i = 0; i < arguments.length; i++) exploit(tag + " species arg " + i, arguments[i]);
    exploit(tag + " species new.target", new.target);
    if (tag === "promise") {
      var ex = arguments[0];
      var self = this;
      return new Promise(function (res, rej) {
        ex(function (v) {
          exploit("species resolve value", v);
          res(v);
        }, rej);
      });
    }
    return Reflect.construct(base, arguments);
  };
}

attempt("Array species (map/filter/slice/splice/concat/flat)", function () {
  var a = [1, 2, 3];
  a.constructor = {};
  a.constructor[Symbol.species] = spy("array", Array);
  return [a.map((x) => x), a.filter(Boolean), a.slice(1), a.splice(0, 1), a.concat([4]), a.flat()];
});
attempt("Promise species (then/finally)", function () {
  var p = Promise.resolve(1);
  p.constructor = {};
  p.constructor[Symbol.species] = spy("promise", Promise);
  var r = p.then(function (v) {
    return v;
  });
  p.finally(function () {});
  return r;
});
attempt("Promise subclass statics (all/race/any/allSettled)", function () {
  var got = [];
  function P(ex) {
    exploit("subclass executor", ex);
    return new Promise(function (res, rej) {
      ex(
        function (v) {
          got.push(v);
          res(v);
        },
        function (e) {
          rej(e);
        },
      );
    });
  }
  P.resolve = function (v) {
    return Promise.resolve(v);
  };
  return [
    Promise.all.call(P, [1]),
    Promise.race.call(P, [1]),
    Promise.any.call(P, [1]),
    Promise.allSettled.call(P, [1]),
    Promise.withResolvers.call(P),
  ];
});
attempt("RegExp species (split, matchAll)", function () {
  var re = /b/g;
  re.constructor = {};
  re.constructor[Symbol.species] = function (src, flags) {
    exploit("regexp species source", src);
    exploit("regexp species flags", flags);
    return new RegExp(src, flags);
  };
  return ["abc".split(re), [..."abcb".matchAll(re)]];
});
attempt("typed array species (map/filter/slice/subarray)", function () {
  var t = new Uint8Array([1, 2, 3]);
  t.constructor = {};
  t.constructor[Symbol.species] = spy("typed array", Uint8Array);
  return [t.map((x) => x), t.filter(Boolean), t.slice(1), t.subarray(1)];
});
attempt("ArrayBuffer species (slice)", function () {
  var b = new ArrayBuffer(4);
  b.constructor = {};
  b.constructor[Symbol.species] = spy("arraybuffer", ArrayBuffer);
  return b.slice(1);
});
attempt("species getters on the built-in constructors", function () {
  var out = [];
  for (var C of [Array, Promise, RegExp, Map, Set, ArrayBuffer, Uint8Array]) {
    var d = Object.getOwnPropertyDescriptor(C, Symbol.species);
    if (d) {
      exploit(C.name + " species getter", d.get);
      out.push(d.get.call(C) === C);
    }
  }
  return out;
});
attempt("species returning a foreign-looking object", function () {
  var a = [1];
  a.constructor = {};
  a.constructor[Symbol.species] = function () {
    return new Proxy([], {});
  };
  return a.map((x) => x);
});
setTimeout(done, 0);
