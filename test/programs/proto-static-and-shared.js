// Tests static properties on constructors and shared mutable prototype state.
function Widget(name) { this.name = name; Widget.count++; this.id = Widget.count; }
Widget.count = 0;
Widget.create = function (n) { return new Widget(n); };
Widget.prototype.tags = [];
var w1 = Widget.create("one");
var w2 = new Widget("two");
console.log(Widget.count, w1.id, w2.id);
w1.tags.push("shared!");
console.log(w2.tags, w1.tags === w2.tags);
w2.tags = ["own"];
console.log(w1.tags, w2.tags);
console.log(typeof w1.create, typeof Widget.create);
