// Tests that arrow functions capture this lexically and ignore call/bind.
function Timer() {
  this.ticks = 0;
  var self = this;
  this.tick = () => { this.ticks++; return this === self; };
}
var t = new Timer();
console.log(t.tick(), t.tick(), t.ticks);
var f = t.tick;
console.log(f(), t.ticks);
console.log(t.tick.call({ ticks: 100 }), t.ticks);
var obj = {
  v: 1,
  make: function () { return () => () => this.v; }
};
console.log(obj.make()()());
function Holder() {
  this.v = 2;
  this.obj = { v: 3, get: () => this.v };
}
console.log(new Holder().obj.get());
var arr = {
  items: [1, 2, 3],
  factor: 10,
  scaled: function () { return this.items.map((x) => x * this.factor); }
};
console.log(arr.scaled());
