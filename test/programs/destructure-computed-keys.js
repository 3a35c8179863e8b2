// Tests computed keys in object patterns: expressions, symbols, numbers, evaluation order.
const data = { alpha: 1, beta: 2, 3: "three", [Symbol.for("s")]: "sym" };
const k = "al" + "pha";
const { [k]: a, ["be" + "ta"]: b } = data;
console.log(a, b);
const { [1 + 2]: three } = data;
console.log(three);
const { [Symbol.for("s")]: s } = data;
console.log(s);
const keyObj = {
  toString() {
    return "beta";
  },
};
const { [keyObj]: viaToString } = data;
console.log(viaToString);
// computed keys in loop
const fields = ["alpha", "beta", "gamma"];
for (const f of fields) {
  const { [f]: v = "none" } = data;
  console.log(f, v);
}
// keys evaluated left to right, each before its value is read
const log = [];
const src = {
  get x() {
    log.push("read x");
    return "X";
  },
  get y() {
    log.push("read y");
    return "Y";
  },
};
function key(n) {
  log.push("key " + n);
  return n;
}
const { [key("x")]: xv, [key("y")]: yv } = src;
console.log(xv, yv, log.join(", "));
// computed key in assignment pattern with member target
const out = {};
let i = 0;
({ [fields[i++]]: out[fields[i++]] } = data);
console.log(i, JSON.stringify(out));
// computed key in parameters
function pick(name, { [name]: value }) {
  return value;
}
console.log(pick("beta", data), pick("nope", data));
