// console.log reads [util.inspect.custom] as node does: through a getter too, which
// runs as guest code and may itself be snapshotted.
const custom = Symbol.for("nodejs.util.inspect.custom");
let reads = 0;
class Temperature {
  constructor(c) {
    this.c = c;
  }
  get [custom]() {
    reads++;
    return (depth, options) => `Temperature<${this.c}°C, depth ${depth}, ${typeof options.stylize}>`;
  }
}
console.log(new Temperature(21));
console.log([new Temperature(-4)], { t: new Temperature(30) });
console.log("reads", reads);
const notCallable = { get [custom]() { return 42; }, plain: true };
console.log(notCallable);
