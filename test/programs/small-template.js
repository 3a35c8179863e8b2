// Small: tests a template literal with embedded expressions.
var who = "world";
var n = 2;
console.log(`hello ${who}, ${n} + ${n} = ${n + n}`);
