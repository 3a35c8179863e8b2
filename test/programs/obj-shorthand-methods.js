// Tests shorthand properties and method definitions in object literals.
var x = 1, y = 2;
var point = { x, y };
console.log(point);
var calc = {
  base: 10,
  add(n) { return this.base + n; },
  twice(n) { return this.add(n) * 2; },
  "quoted method"() { return "quoted"; },
  [("comp" + "uted")]() { return "computed"; }
};
console.log(calc.add(5), calc.twice(5));
console.log(calc["quoted method"](), calc.computed());
function build(name, age) { return { name, age, describe() { return name + "/" + age; } }; }
var b = build("kim", 30);
console.log(b.name, b.age, b.describe());
