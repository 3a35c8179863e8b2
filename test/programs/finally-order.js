// Tests execution order of try/catch/finally for normal, thrown and returned paths.
function run(mode) {
  var log = [];
  try {
    log.push("try");
    if (mode === "throw") throw new Error("x");
    if (mode === "return") return log.concat("returned").join(",");
    log.push("try-end");
  } catch (e) {
    log.push("catch");
  } finally {
    log.push("finally");
  }
  log.push("after");
  return log.join(",");
}
console.log(run("normal"));
console.log(run("throw"));
console.log(run("return"));
var order = [];
function a() { order.push("a"); return "a-val"; }
function g() {
  try {
    return a();
  } finally {
    order.push("finally");
  }
}
console.log(g(), order.join(" then "));
