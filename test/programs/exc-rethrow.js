// Tests rethrowing errors and selective handling by type.
function parse(s) {
  if (s === "") throw new SyntaxError("empty input");
  if (s === "?") throw new TypeError("bad type");
  return s.length;
}
function handleSyntaxOnly(s) {
  try {
    return parse(s);
  } catch (e) {
    if (e instanceof SyntaxError) return "recovered: " + e.message;
    throw e;
  }
}
console.log(handleSyntaxOnly("abc"));
console.log(handleSyntaxOnly(""));
try {
  handleSyntaxOnly("?");
} catch (e) {
  console.log("outer got", e.name, e.message);
}
function wrap() {
  try {
    throw new Error("inner");
  } catch (e) {
    var w = new Error("wrapped: " + e.message);
    w.cause2 = e;
    throw w;
  }
}
try {
  wrap();
} catch (e) {
  console.log(e.message, e.cause2.message);
}
