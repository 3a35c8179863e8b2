// Tests object literal creation, property access via dot and brackets, and mutation.
var o = { a: 1, "b c": 2, 3: "three", nested: { x: 10 } };
console.log(o.a, o["b c"], o[3], o["3"], o.nested.x);
o.a = 100;
o.newProp = "added";
o["dyn" + 1] = true;
console.log(o.a, o.newProp, o.dyn1);
console.log(o.missing, o.nested.missing);
var empty = {};
console.log(Object.keys(empty).length);
var k = "nested";
o[k].y = 20;
console.log(o.nested);
var trailing = { x: 1, y: 2, };
console.log(trailing);
var reserved = { if: 1, class: 2, new: 3 };
console.log(reserved.if + reserved.class + reserved.new);
