// Tests break and continue passing through finally blocks.
var log = [];
for (var i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log.push("body" + i);
  } finally {
    log.push("fin" + i);
  }
}
console.log(log.join(" "));
var log2 = [];
outer: for (var a = 0; a < 3; a++) {
  for (var b = 0; b < 3; b++) {
    try {
      if (b === 1) continue outer;
      log2.push(a + "" + b);
    } finally {
      log2.push("f");
    }
  }
}
console.log(log2.join(" "));
function breakOverridesReturn() {
  for (;;) {
    try {
      return "from try";
    } finally {
      break;
    }
  }
  return "after loop";
}
console.log(breakOverridesReturn());
var n = 0;
while (n < 3) {
  try {
    n++;
    throw n;
  } catch (e) {
    continue;
  } finally {
    log.push("w" + n);
  }
}
console.log(log.slice(-3).join(","));
