// Functions with parameter expressions: the body's declarations live in a scope of
// their own, so closures in parameter defaults see the parameters, not the body.
function t(name, fn) {
  try {
    console.log(name, JSON.stringify(fn()));
  } catch (e) {
    console.log(name, "threw", e.name, e.message);
  }
}
var x = "outer";
function brief(a = () => x, x) {
  var x = "body";
  return a();
}
t("brief", () => [brief(), brief(undefined, "arg")]);
t("var-starts-with-param", () => {
  function g(a, b = () => a) {
    var a;
    const first = a;
    a = 2;
    return [first, a, b()];
  }
  return g(1);
});
t("body-function-shadows-param", () => {
  function f(a = 1, g = () => a) {
    function a() {}
    return [typeof a, g()];
  }
  return f();
});
t("block-function-not-var-over-param", () => {
  function f(a = 1) {
    {
      function a() {}
    }
    return typeof a;
  }
  return f();
});
t("block-function-annex-b", () => {
  function f(b = 1) {
    {
      function a() {}
    }
    return typeof a;
  }
  return f();
});
t("var-arguments", () => {
  function k(p = arguments) {
    var arguments;
    return arguments === p;
  }
  function k2(x = 1) {
    var arguments;
    return arguments.length;
  }
  function k3(x = 1, g = () => arguments) {
    var arguments = 9;
    return [arguments, g().length];
  }
  return [k(), k2(1, 2), k3(1)];
});
t("let-arguments-in-body", () => {
  function f(x = 1, g = () => arguments) {
    let arguments = 5;
    return [arguments, g().length];
  }
  return f(1);
});
t("closure-after-body-assign", () => {
  function f(a = 1, g = () => a) {
    var a;
    a = 2;
    return [a, g()];
  }
  return f();
});
t("closure-writes-param", () => {
  function f(a = 1, set = (v) => (a = v)) {
    var a;
    set(5);
    return a;
  }
  function f2(a = 1, set = (v) => (a = v)) {
    set(5);
    return a;
  }
  return [f(), f2()];
});
t("destructured", () => {
  function f({ a } = { a: 1 }, g = () => a) {
    var a = 3;
    return [a, g()];
  }
  return f();
});
t("computed-key", () => {
  var k = "outer";
  function f({ [k]: v }, g = () => k) {
    var k = "body";
    return [v, g(), k];
  }
  return f({ outer: 1 });
});
t("body-lexicals-invisible", () => {
  function f(g = () => typeof y, h = () => typeof C) {
    let y = 1;
    class C {}
    return [g(), h(), typeof y, typeof C];
  }
  return f();
});
t("this-and-super", () => {
  class A {
    m() {
      return "A";
    }
  }
  class B extends A {
    m(x = super.m(), y = () => this.v) {
      var x2 = x;
      var v = "body";
      return [x2, y(), v];
    }
  }
  const b = new B();
  b.v = "field";
  return b.m();
});
t("generator", () => {
  function* g(a = 1, f = () => a) {
    var a = 2;
    yield a;
    yield f();
  }
  return [...g()];
});
t("arrow", () => {
  const f = (a = 1, g = () => a) => {
    var a = 2;
    return [a, g()];
  };
  return f();
});
t("derived-ctor", () => {
  class A {}
  class B extends A {
    constructor(a = 1, f = () => a) {
      super();
      var a = 2;
      this.r = [a, f()];
    }
  }
  return new B().r;
});
t("strict", () => {
  "use strict";
  function f(a = 1, g = () => a) {
    var a = 7;
    return [a, g()];
  }
  return f();
});
t("tdz-closure", () => {
  function f(a = (() => b)(), b = 1) {
    return a;
  }
  return f();
});
t("tdz-self", () => {
  function f(a = (() => a)()) {
    return a;
  }
  return f();
});
t("tdz-write", () => {
  function f(a = (() => (b = 2))(), b) {
    return b;
  }
  return f();
});
t("earlier-params-visible", () => {
  function f(a, b = () => a + 1, c = b()) {
    var a = 10;
    return [a, b(), c];
  }
  return f(1);
});
t("length", () => [function (a, b = 1, c) {}.length, ((a, { b } = {}) => 0).length]);
async function as(a = 1, f = () => a) {
  var a = 3;
  return [a, f()];
}
as().then((v) => console.log("async", JSON.stringify(v)));
