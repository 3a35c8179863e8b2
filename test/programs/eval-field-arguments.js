// Direct eval in a class field initializer may not contain `arguments` (checked
// before any of the eval code runs); nested non-arrow functions and property names
// are fine.
let executed = false;
class C {
  x = eval("executed = true; arguments;");
}
try {
  new C();
} catch (e) {
  console.log(e.name, e.message);
}
class D {
  x = () => eval("executed = true; arguments;");
}
try {
  new D().x();
} catch (e) {
  console.log(e.name, e.message);
}
class E {
  x = eval("(function () { return arguments.length; })(1, 2)");
  y = eval("({ arguments: 1 }).arguments");
  static s = eval("[1, 2].length");
}
console.log(new E().x, new E().y, E.s, executed);
function outer() {
  class G {
    x = () => eval("typeof arguments");
  }
  return new G().x();
}
try {
  console.log(outer());
} catch (e) {
  console.log(e.name, e.message);
}
class M {
  m() {
    return eval("arguments.length");
  }
}
console.log(new M().m(1, 2, 3));
