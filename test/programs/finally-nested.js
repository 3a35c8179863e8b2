// Tests the order of nested finally blocks during returns and throws.
var log = [];
function nested() {
  try {
    try {
      log.push("inner try");
      return "ret";
    } finally {
      log.push("inner finally");
    }
  } finally {
    log.push("outer finally");
  }
}
console.log(nested(), log.join(" > "));
log = [];
function nestedThrow() {
  try {
    try {
      throw new Error("E");
    } finally {
      log.push("f1");
    }
  } catch (e) {
    log.push("caught " + e.message);
  } finally {
    log.push("f2");
  }
  return log.join(" > ");
}
console.log(nestedThrow());
log = [];
function finallyThrowsInner() {
  try {
    try {
      return "original";
    } finally {
      throw new Error("replaced");
    }
  } catch (e) {
    return "outer saw " + e.message;
  } finally {
    log.push("cleanup");
  }
}
console.log(finallyThrowsInner(), log);
