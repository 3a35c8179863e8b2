// Thenables and promise jobs: a thenable's then() is called from a promise job with
// resolve and reject functions the VM makes; executors, combinators' element
// functions, await and async iteration all hand out such functions. They must be
// guest functions (their constructor chain ends at the guest Function), callable only
// with guest effects.

var handedOut = [];
function grab(what, fns) {
  for (var i = 0; i < fns.length; i++) {
    handedOut.push(fns[i]);
    exploit(what + " function " + i, fns[i]);
    if (typeof fns[i] !== "function") escaped(what, "argument " + i + " is not a function");
    else if (Object.getPrototypeOf(fns[i]) !== Function.prototype)
      escaped(what, "argument " + i + " does not inherit from the guest Function.prototype");
  }
}

attempt("Promise.resolve(thenable)", function () {
  return Promise.resolve({
    then: function (res, rej) {
      grab("thenable", [res, rej]);
      res(1);
    },
  });
});
attempt("new Promise executor", function () {
  return new Promise(function (res, rej) {
    grab("executor", [res, rej]);
    res(2);
  });
});
attempt("await of a thenable", function () {
  return (async function () {
    return await {
      then: function (res, rej) {
        grab("await", [res, rej]);
        res(3);
      },
    };
  })();
});
attempt("Promise.all/allSettled/any element functions", function () {
  var t = {
    then: function (res, rej) {
      grab("combinator element", [res, rej]);
      res(4);
    },
  };
  return [Promise.all([t]), Promise.allSettled([t]), Promise.any([t]), Promise.race([t])];
});
attempt("Promise.withResolvers", function () {
  var w = Promise.withResolvers();
  grab("withResolvers", [w.resolve, w.reject]);
  w.resolve(5);
  return w.promise;
});
attempt("then on a thenable whose then is a getter", function () {
  var t = {};
  Object.defineProperty(t, "then", {
    get: function () {
      exploit("then getter this", this);
      return function (res, rej) {
        grab("getter then", [res, rej]);
        res(6);
      };
    },
  });
  return Promise.resolve(t);
});
attempt("a thenable resolving with itself and with a native promise", function () {
  var self = {
    then: function (res) {
      res(self === this ? 7 : 8);
    },
  };
  var p = Promise.resolve(1);
  p.then = function (res, rej) {
    grab("overridden native then", [res, rej]);
    return Promise.prototype.then.call(this, res, rej);
  };
  return [Promise.resolve(self), new Promise((r) => r(p))];
});
attempt("for await over a sync iterable of thenables", function () {
  return (async function () {
    var out = [];
    for await (var v of [
      {
        then: function (res, rej) {
          grab("for await", [res, rej]);
          res(9);
        },
      },
    ])
      out.push(v);
    return out;
  })();
});
attempt("async generator return of a thenable", function () {
  async function* g() {
    return {
      then: function (res, rej) {
        grab("async generator return", [res, rej]);
        res(10);
      },
    };
  }
  return g().next();
});
attempt("a resolve function called with host-looking arguments", function () {
  var captured;
  new Promise(function (r) {
    captured = r;
  });
  return [captured(captured), captured.length, captured.name, String(captured)];
});
setTimeout(function () {
  attempt("functions handed out", function () {
    for (var f of handedOut) {
      var F = f.constructor;
      if (F !== Function) escaped("promise function", "constructor is not the guest Function");
      var r = F(HOST_PAYLOAD)();
      if (r !== "guest") escaped("promise function", "its Function ran host code");
    }
    return handedOut.length;
  });
  done();
}, 5);
