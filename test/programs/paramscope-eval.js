// Sloppy direct eval in parameter defaults declares its vars beside the parameters:
// later parameters and the body see them, body vars shadow them, and a name a
// parameter already binds is a SyntaxError.
function t(name, fn) {
  try {
    console.log(name, JSON.stringify(fn()));
  } catch (e) {
    console.log(name, "threw", e.name, e.message);
  }
}
t("param-var", () => {
  function f(a = eval("var z = 3"), b = z) {
    return [b, z, typeof a];
  }
  return f();
});
t("body-var-shadows", () => {
  function f(a = eval("var z = 3"), b = () => z) {
    var z = 9;
    return [z, b()];
  }
  return f();
});
t("conflict-with-param", () => {
  function f(a = eval("var a = 1")) {}
  return f();
});
t("conflict-with-later-param", () => {
  function f(a = eval("var b = 1"), b) {
    return b;
  }
  return f();
});
t("function-decl", () => {
  function f(a = eval("function q() { return 7; }"), b = q()) {
    return [b, q()];
  }
  return f();
});
t("twice", () => {
  function f(a = eval("var y = 1"), b = eval("var y = 2")) {
    return y;
  }
  return f();
});
t("delete", () => {
  function f(a = eval("var z = 3"), b = () => delete z, c = () => typeof z) {
    return [b(), c()];
  }
  return f();
});
t("reads-later-param", () => {
  function f(a = eval("b"), b = 1) {
    return a;
  }
  return f();
});
t("strict-eval", () => {
  function f(a = eval("'use strict'; var z = 1; z")) {
    return [a, typeof z];
  }
  return f();
});
t("body-eval-over-param", () => {
  function f(a = 1, g = () => a) {
    eval("var a = 5");
    return [a, g()];
  }
  return f();
});
t("body-eval-new", () => {
  function f(a = 1) {
    eval("var n = 5");
    return n;
  }
  return f();
});
t("body-eval-lex-conflict", () => {
  function f(a = 1) {
    let n;
    eval("var n = 5");
    return n;
  }
  return f();
});
t("body-eval-arguments", () => {
  function f(a = 1) {
    eval("var arguments = 5");
    return arguments;
  }
  return f();
});
t("arrow-param-var", () => {
  const f = (p = eval("var w = 'param'"), q = () => w) => [w, q()];
  return f();
});
t("arrow-arguments", () => {
  const f = (p = eval("var arguments = 'param'"), q = () => arguments) => [arguments, q()];
  return f();
});
t("arrow-arguments-lex", () => {
  const f = (p = eval("var arguments = 'param'")) => {
    let arguments = "local";
    return arguments;
  };
  return f();
});
t("arrow-arguments-var", () => {
  const f = (p = eval("var arguments = 'param'")) => {
    var arguments;
    return arguments;
  };
  return f();
});
t("expression-arrow-eval-body", () => ((a = 1, g = () => a) => [eval("var a = 2; a"), a, g()])());
t("expression-arrow-eval-param", () => ((p = eval("var w = 3")) => w)());
t("expression-arrow-conflict", () => ((a = eval("var a = 1")) => a)());
