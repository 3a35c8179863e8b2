// A [util.inspect.custom] method and a %s conversion run as guest code in the middle
// of console.log, so a snapshot can cut inside them.
const custom = Symbol.for("nodejs.util.inspect.custom");
class P {
  constructor(n) {
    this.n = n;
  }
  [custom](depth) {
    return "P" + this.n + "@" + depth;
  }
}
console.log([new P(1), { q: new P(2) }], "%s", { toString: () => "str" });
console.log("%s|%d", { toString: () => "a" }, { valueOf: () => 4 }, Promise.resolve(new P(3)));
