const o = { f /* a */ ( /* b */ ) /* c */ { /* d */ }, get /* a */ g /* b */ ( /* c */ ) /* d */ { /* e */ }, async * /* x */ h () {}, [ "computed" + 1 ] () {} };
console.log(o.f.toString());
console.log(Object.getOwnPropertyDescriptor(o, "g").get.toString());
console.log(o.h.toString());
console.log(o.computed1.toString());
class C { static /* s */ async m () {} #p () {} static get q () { return 1; } x = 1; getP() { return this.#p; } }
console.log(C.m.toString(), new C().getP().toString(), Object.getOwnPropertyDescriptor(C, "q").get.toString());
console.log(C.toString());
