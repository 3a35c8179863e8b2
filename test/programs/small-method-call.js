// Small: tests calling a method that uses this.
var box = {
  v: 5,
  double: function () { return this.v * 2; }
};
console.log(box.double());
box.v = 21;
console.log(box.double());
