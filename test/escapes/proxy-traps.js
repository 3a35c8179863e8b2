// Proxies met by natives: every trap receives the target, a key, a receiver, a
// descriptor or an argument list from the native that met the proxy. All of them
// must be guest values (the receiver the proxy itself, arrays guest arrays), and a
// trap cannot make a native hand it anything of the host.

var trapLog = [];
var inTrap = false;
function handler(tag) {
  var h = {};
  var traps = [
    "get",
    "set",
    "has",
    "deleteProperty",
    "ownKeys",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "getPrototypeOf",
    "setPrototypeOf",
    "isExtensible",
    "preventExtensions",
    "apply",
    "construct",
  ];
  for (var name of traps) {
    let trap = name;
    h[trap] = function () {
      trapLog.push(tag + ":" + trap);
      // Exploiting a value reads its properties, which may run traps again: only
      // the outermost trap exploits.
      if (!inTrap) {
        inTrap = true;
        try {
          for (var i = 0; i < arguments.length; i++)
            exploit(tag + " " + trap + " arg " + i, arguments[i]);
        } finally {
          inTrap = false;
        }
      }
      if (this !== h) escaped(tag + " " + trap, "the trap's this is not its handler");
      return Reflect[trap].apply(null, arguments);
    };
  }
  return h;
}
function proxied(tag, target) {
  return new Proxy(target, handler(tag));
}

var obj = proxied("obj", { a: 1, b: { c: 2 }, toJSON: undefined });
var arr = proxied("arr", [1, 2, 3]);
var fn = proxied("fn", function f(x) {
  return x;
});

attempt("Object.assign from a proxy", function () {
  return Object.assign({}, obj);
});
attempt("JSON.stringify of proxies", function () {
  return JSON.stringify({ obj: obj, arr: arr });
});
attempt("console.log of proxies (inspect)", function () {
  console.log(obj, arr, fn);
  console.dir(obj, { showProxy: true, depth: 5 });
  return "logged";
});
attempt("instanceof with a getPrototypeOf trap", function () {
  return [obj instanceof Object, arr instanceof Array, fn instanceof Function];
});
attempt("Array natives on a proxy", function () {
  var r = [];
  r.push(Array.prototype.slice.call(arr));
  r.push([].concat(arr));
  r.push(Array.from(arr));
  r.push(Array.prototype.sort.call(proxied("sortme", [3, 1, 2])));
  r.push(Array.isArray(arr));
  r.push(Array.prototype.includes.call(arr, 2));
  return r;
});
attempt("spread, destructuring, for-in, for-of", function () {
  var r = [...arr];
  var { a, ...rest } = obj;
  for (var k in obj) r.push(k);
  for (var v of arr) r.push(v);
  return r.concat([a, rest]);
});
attempt("Reflect and Object on a proxy", function () {
  return [
    Object.keys(obj),
    Object.getOwnPropertyNames(obj),
    Object.getOwnPropertyDescriptors(obj),
    Object.entries(obj),
    Object.isFrozen(obj),
    Object.freeze(proxied("frz", {})),
    Reflect.ownKeys(obj),
    Object.prototype.hasOwnProperty.call(obj, "a"),
    Object.prototype.toString.call(obj),
    structuredClone({ x: 1 }),
  ];
});
attempt("calling and constructing a function proxy from natives", function () {
  return [
    [1].map(fn),
    fn.call(null, 1),
    Reflect.apply(fn, null, [2]),
    Reflect.construct(fn, []),
    new fn(1),
    Function.prototype.bind.call(fn, null)(3),
    Promise.resolve(1).then(fn),
  ];
});
attempt("a proxy as a prototype", function () {
  var child = Object.create(obj);
  return [child.a, "b" in child, (child.zzz = 1)];
});
attempt("a proxy as the handler of another proxy", function () {
  var meta = new Proxy(
    {},
    {
      get: function (t, trap) {
        trapLog.push("meta:" + String(trap));
        return function () {
          if (!inTrap) {
            inTrap = true;
            for (var i = 0; i < arguments.length; i++)
              exploit("meta " + String(trap) + " arg " + i, arguments[i]);
            inTrap = false;
          }
          return Reflect[trap].apply(null, arguments);
        };
      },
    },
  );
  var p = new Proxy({ q: 1 }, meta);
  return [p.q, Object.keys(p), JSON.stringify(p), "q" in p];
});
attempt("revoked proxies in natives", function () {
  var r = Proxy.revocable({}, {});
  r.revoke();
  try {
    Object.keys(r.proxy);
  } catch (e) {
    return e;
  }
});
attempt("a proxy as a RegExp, a Date, a Map", function () {
  var out = [];
  for (var t of [/a/g, new Date(0), new Map()]) {
    var p = proxied("exotic", t);
    try {
      out.push(String(p));
      out.push(RegExp.prototype.test.call(p, "a"));
    } catch (e) {
      out.push(e);
    }
  }
  return out;
});
attempt("traps run", function () {
  return trapLog.length;
});
setTimeout(done, 0);
