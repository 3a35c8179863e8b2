// Algorithm: a tiny event emitter built with objects, arrays and closures.
function Emitter() { this.handlers = {}; }
Emitter.prototype.on = function (evt, fn) {
  (this.handlers[evt] = this.handlers[evt] || []).push(fn);
  var self = this;
  return function off() {
    var list = self.handlers[evt];
    var i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
};
Emitter.prototype.emit = function (evt) {
  var args = Array.prototype.slice.call(arguments, 1);
  var list = (this.handlers[evt] || []).slice();
  for (var i = 0; i < list.length; i++) list[i].apply(this, args);
  return list.length;
};
var e = new Emitter();
var log = [];
var off = e.on("data", function (x, y) { log.push("A" + x + y); });
e.on("data", function (x) { log.push("B" + x); });
console.log(e.emit("data", 1, 2), e.emit("none"));
off();
console.log(e.emit("data", 3, 4));
console.log(log.join(" "));
