// Small: tests object property read, write, add and delete.
var o = { a: 1, b: 2 };
o.a = 10;
o.c = 3;
delete o.b;
console.log(o, "b" in o, o.c);
