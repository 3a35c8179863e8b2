// Tests break inside switch versus continue to the enclosing loop.
var out = [];
for (var i = 0; i < 6; i++) {
  switch (i % 3) {
    case 0:
      out.push("zero");
      break;
    case 1:
      continue;
    default:
      out.push("two");
  }
  out.push("end" + i);
}
console.log(out.join(" "));
var tokens = ["num", "op", "num", "stop", "num"];
var count = 0;
scan: for (var t = 0; t < tokens.length; t++) {
  switch (tokens[t]) {
    case "stop":
      break scan;
    case "num":
      count++;
  }
}
console.log(count, t);
