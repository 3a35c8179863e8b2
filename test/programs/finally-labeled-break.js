// Tests labeled break out of nested loops running each enclosing finally in order.
var log = [];
outer: for (var i = 0; i < 3; i++) {
  try {
    for (var j = 0; j < 3; j++) {
      try {
        if (i === 1 && j === 1) break outer;
        log.push(i + "" + j);
      } finally {
        log.push("in" + j);
      }
    }
  } finally {
    log.push("out" + i);
  }
}
console.log(log.join(" "));
function returnFromNested() {
  var steps = [];
  try {
    for (var k = 0; k < 5; k++) {
      try {
        if (k === 2) return steps.concat("ret").join(",");
        steps.push(k);
      } finally {
        steps.push("f" + k);
      }
    }
  } finally {
    steps.push("end");
    console.log("outer finally saw", steps.join(","));
  }
}
console.log(returnFromNested());
