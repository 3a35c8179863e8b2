// Tests try/catch inside loops, continuing after errors.
var inputs = ["3", "x", "10", "", "-2"];
var results = [];
for (var i = 0; i < inputs.length; i++) {
  try {
    var n = Number(inputs[i]);
    if (inputs[i] === "" || isNaN(n)) throw new TypeError("bad input '" + inputs[i] + "'");
    if (n < 0) throw new RangeError("negative");
    results.push(n * 2);
  } catch (e) {
    results.push(e.name);
    if (e instanceof RangeError) break;
  }
}
console.log(results.join(", "), i);
var errors = 0;
for (var j = 0; j < 5; j++) {
  try {
    if (j % 2) throw j;
  } catch (v) {
    errors += v;
    continue;
  }
  errors += 100;
}
console.log(errors);
