// Tests objects holding functions, arrays, nested objects, and dynamic dispatch by key.
var shapes = {
  circle: { area: function (r) { return Math.PI * r * r; }, sides: 0 },
  square: { area: function (s) { return s * s; }, sides: 4 },
  triangle: { area: function (b, h) { return b * h / 2; }, sides: 3 }
};
var names = Object.keys(shapes);
console.log(names.join(","));
console.log(shapes.circle.area(1).toFixed(3), shapes["square"].area(3), shapes.triangle.area(4, 5));
var totalSides = 0;
for (var k in shapes) totalSides += shapes[k].sides;
console.log(totalSides);
shapes.hexagon = { area: function (s) { return (3 * Math.sqrt(3) / 2 * s * s).toFixed(2); }, sides: 6 };
console.log(Object.keys(shapes).length, shapes.hexagon.area(2));
var fnCount = Object.keys(shapes).filter(function (k) { return typeof shapes[k].area === "function"; }).length;
console.log(fnCount);
