// Small: tests if/else-if/else branches.
var n = 7;
if (n < 5) {
  console.log("small");
} else if (n < 10) {
  console.log("medium");
} else {
  console.log("large");
}
if (!n) console.log("zero"); else console.log("nonzero");
