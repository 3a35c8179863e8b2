// util.inspect.custom (Symbol.for('nodejs.util.inspect.custom')): Node calls it from
// console.log with (depth, options, inspect), handing the object the host's inspect
// function and an options object with a stylize function. In Jaunt, whatever such a
// method receives (if it is called at all) must be guest data.

var KEY = Symbol.for("nodejs.util.inspect.custom");
var calls = [];
// inspect(this) below calls the method again: one level is enough to see what the
// inner call receives (unguarded, it recurses to the call-depth limit, as in node).
var inside = 0;
function custom(tag) {
  var o = {};
  o[KEY] = function (depth, options, inspect) {
    calls.push(tag);
    if (inside > 1) return "again(" + tag + ")";
    exploit(tag + " this", this);
    exploit(tag + " depth", depth);
    exploit(tag + " options", options);
    exploit(tag + " inspect", inspect);
    if (options && typeof options === "object") {
      for (var k of Reflect.ownKeys(options)) exploit(tag + " options." + String(k), options[k]);
      if (typeof options.stylize === "function") {
        var s = options.stylize("x", "special");
        exploit(tag + " stylize result", s);
      }
    }
    if (typeof inspect === "function") {
      inside++;
      try {
        exploit(tag + " inspect(this)", inspect(this));
        exploit(tag + " inspect(Function)", inspect(Function, { showHidden: true }));
      } finally {
        inside--;
      }
    }
    return "custom(" + tag + ")";
  };
  return o;
}

attempt("console.log of an object with inspect.custom", function () {
  console.log(custom("log"));
  console.log({ nested: custom("nested") }, [custom("in array")]);
  console.error(custom("error"));
  return calls.length;
});
attempt("console.dir with options", function () {
  console.dir(custom("dir"), { depth: 0, colors: true, showHidden: true, customInspect: true });
});
attempt("format specifiers", function () {
  console.log("%o %O %j %s %d", custom("o"), custom("O"), custom("j"), custom("s"), custom("d"));
});
attempt("console.table and console.assert", function () {
  console.table([custom("table")]);
  console.assert(false, custom("assert"));
});
attempt("inspect.custom on a proxy and on a class", function () {
  class C {
    [KEY](d, o, i) {
      exploit("class custom options", o);
      exploit("class custom inspect", i);
      return "C";
    }
  }
  console.log(new C(), new Proxy(custom("proxied"), {}));
});
attempt("inspect.custom as a getter", function () {
  var o = {};
  Object.defineProperty(o, KEY, {
    get: function () {
      exploit("custom getter this", this);
      return function (d, opts, insp) {
        exploit("getter custom opts", opts);
        exploit("getter custom inspect", insp);
        return "g";
      };
    },
  });
  console.log(o);
});
attempt("a util module with inspect", function () {
  try {
    var util = require("util");
    exploit("util", util);
    exploit("util.inspect", util.inspect);
    return util.inspect(custom("util"));
  } catch (e) {
    return e;
  }
});
attempt("Buffer and URL inspection", function () {
  console.log(Buffer.from("ab"), new URL("http://a.example/"), new URLSearchParams("a=1"));
});
attempt("custom methods called", function () {
  return calls.join(",");
});
done();
