// Private methods and accessors exist on an instance (and static ones on the class)
// before any field initialiser runs, whatever the declaration order (marked 12 relies on it).
class A { x = this.#m(); #m() { return 1; } get #g() { return 2; } y = this.#g; }
console.log(new A().x, new A().y);
class B extends A { z = this.#n(); #n() { return 3; } }
console.log(new B().z);
class S { static a = S.#sm(); static #sm() { return "s"; } static { console.log(S.#sg); } static get #sg() { return "g"; } }
console.log(S.a);
class E { #f = 1; x = this.#f + 1; #m() {} }
console.log(new E().x);
class Order { a = (console.log("a"), 1); #m() {} b = (console.log("b"), 2); }
new Order();
