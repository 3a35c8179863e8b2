// util.inspect.defaultOptions (read by every inspect, console.log included),
// numericSeparator, formatWithOptions and %j through toJSON.
const util = require("util");
const d = util.inspect.defaultOptions;
console.log(d === util.inspect.defaultOptions, Object.isSealed(d), Object.keys(d).join());
console.log(util.format("%d %i %s", 1234567.891, 12345678, 123456789n), [1234567]);
d.numericSeparator = true;
console.log(util.format("%d %i %s %f", 1234567.891, 12345678, 123456789n, 1234.5678));
console.log(util.inspect([-1234567, 0.0001234, 1e21, -0, NaN]), new Uint16Array([12345]));
console.log(util.formatWithOptions({ numericSeparator: false }, "%d", 12345), 12345);
util.inspect.defaultOptions = { numericSeparator: false, depth: 0 };
console.log(util.inspect({ a: { b: 1 } }), { a: { b: 1 } }, util.inspect({ a: { b: 1 } }, { depth: 1 }));
d.depth = 2;
try {
  util.inspect.defaultOptions = null;
} catch (e) {
  console.log(e.code);
}
console.log(util.formatWithOptions({ compact: false }, "%O", { a: 1 }), util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }));
console.log(util.format("%j %j", { toJSON: () => "x" }, { a: { toJSON: () => [1] } }));
const circ = {};
circ.self = circ;
console.log(util.format("%j", circ));
try {
  util.format("%j", { toJSON() { throw new Error("no JSON"); } });
} catch (e) {
  console.log(e.message);
}
console.log(util.format("%j", { get x() { return 2; } }));
