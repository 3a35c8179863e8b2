// Tests sloppy-mode `this`: globalThis for plain calls, boxing of primitives, module-level this.
function plain() {
  return this;
}
console.log(plain() === globalThis, plain.call(undefined) === globalThis, plain.call(null) === globalThis);
console.log(typeof plain.call(5), plain.call(5) instanceof Number, plain.call("s").length);
console.log(typeof plain.call(true), plain.call(Symbol.iterator) instanceof Symbol);
console.log(plain.apply(7).valueOf() + 1);
const bound = plain.bind(null);
console.log(bound() === globalThis);
// top level of a CommonJS module: this is module.exports
console.log(this === module.exports, this === globalThis, typeof this);
// arrow at top level inherits module this
const arrow = () => this;
console.log(arrow() === module.exports);
// method extracted loses its receiver
const obj = {
  name: "obj",
  who() {
    return this === globalThis ? "global" : this.name;
  },
};
const who = obj.who;
console.log(obj.who(), who(), (0, obj.who)(), (obj.who)());
// callbacks are called with undefined this -> globalThis
console.log([1].map(function () {
  return this === globalThis;
})[0]);
console.log([1].map(function () {
  return this.tag;
}, { tag: "thisArg" })[0]);
// setting properties on this in a plain function writes globals
function setGlobal() {
  this.fromThis = "global via this";
}
setGlobal();
console.log(globalThis.fromThis);
delete globalThis.fromThis;
// new gives a fresh object
function Ctor() {
  this.x = 1;
  return this === globalThis;
}
console.log(new Ctor().x, Ctor());
delete globalThis.x;
