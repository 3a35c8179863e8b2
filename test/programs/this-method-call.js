// Tests this binding in method calls, detached methods, and nested functions.
var counter = {
  count: 0,
  inc: function () { this.count++; return this; },
  report: function () { return "count=" + this.count; }
};
console.log(counter.inc().inc().inc().report());
var obj = {
  name: "obj",
  regular: function () {
    function inner() { return this === obj; }
    return inner();
  },
  saved: function () {
    var self = this;
    function inner() { return self.name; }
    return inner();
  },
  arrow: function () {
    var inner = () => this.name;
    return inner();
  }
};
console.log(obj.regular(), obj.saved(), obj.arrow());
var a = { n: "a", f: function () { return this.n; } };
var b = { n: "b" };
b.f = a.f;
console.log(a.f(), b.f(), a["f"]());
console.log((a.f)());
