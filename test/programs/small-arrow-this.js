// Small: tests an arrow function capturing this from a method.
var o = {
  n: 3,
  f: function () {
    var g = () => this.n + 1;
    return g();
  }
};
console.log(o.f());
