// Error.prepareStackTrace: in V8 it receives CallSite objects whose getThis() and
// getFunction() hand out the receivers and functions of every frame on the stack,
// including frames of natives and of the host. In Jaunt the stack is the guest's:
// whatever the hook receives must be guest values, and nothing reaches the host.

var got = [];
Error.prepareStackTrace = function (err, sites) {
  got.push([err, sites, arguments.length, this]);
  keep("prepareStackTrace this", this);
  if (Array.isArray(sites)) {
    for (var s of sites) {
      for (var m of [
        "getThis",
        "getFunction",
        "getTypeName",
        "getFileName",
        "getEvalOrigin",
        "getFunctionName",
      ]) {
        try {
          if (typeof s[m] === "function") exploit("CallSite." + m, s[m]());
        } catch (e) {
          keep("CallSite." + m + " threw", e);
        }
      }
    }
  }
  return "prepared";
};

attempt("stack of a guest error", function () {
  return new Error("x").stack;
});
attempt("stack of an error thrown by a native", function () {
  try {
    null.x;
  } catch (e) {
    return e.stack;
  }
});
attempt("stack inside a native callback", function () {
  var s;
  [1].map(function () {
    s = new Error("in map").stack;
  });
  [3, 1, 2].sort(function (a, b) {
    s = new Error("in sort").stack;
    return a - b;
  });
  JSON.parse("[1]", function (k, v) {
    s = new Error("in reviver").stack;
    return v;
  });
  "abc".replace(/b/, function () {
    s = new Error("in replace").stack;
    return "";
  });
  return s;
});
attempt("stack inside a getter run by a native", function () {
  var s;
  var o = Object.defineProperty({}, "x", {
    enumerable: true,
    get: function () {
      s = new Error("getter").stack;
      return 1;
    },
  });
  Object.assign({}, o);
  JSON.stringify(o);
  return s;
});
attempt("stack inside a proxy trap", function () {
  var s;
  var p = new Proxy(
    {},
    {
      get: function () {
        s = new Error("trap").stack;
        return 1;
      },
    },
  );
  p.x;
  return s;
});
attempt("prepareStackTrace calls seen", function () {
  return got.length;
});
for (var i = 0; i < got.length; i++) {
  exploit("prepareStackTrace error " + i, got[i][0]);
  exploit("prepareStackTrace sites " + i, got[i][1]);
}
attempt("Error.stackTraceLimit", function () {
  Error.stackTraceLimit = Infinity;
  return new Error("deep").stack;
});
// The stack text must name guest frames only: no host file of the VM or of Node.
var texts = [];
Promise.resolve().then(function job() {
  texts.push(new Error("in a job").stack);
});
setTimeout(function timer() {
  texts.push(new Error("in a timer").stack);
  delete Error.prepareStackTrace;
  texts.push(new Error("plain").stack);
  try {
    [1].forEach(function () {
      undefined.y;
    });
  } catch (e) {
    texts.push(e.stack);
  }
  for (var t of texts) {
    if (typeof t !== "string") continue;
    if (/node:internal|\/vm\/|dist\/|interpreter|jaunt:prelude/.test(t))
      escaped(
        "stack text",
        "names a host or internal frame: " + t.split("\n").slice(1, 3).join(" | "),
      );
  }
  attempt("stack texts", function () {
    return texts.length;
  });
  done();
}, 0);
