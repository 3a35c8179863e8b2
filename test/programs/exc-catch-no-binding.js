// Tests optional catch binding: catch without a parameter.
function tryParseNumber(s) {
  try {
    if (isNaN(Number(s))) throw new Error("nan");
    return Number(s);
  } catch {
    return null;
  }
}
console.log(tryParseNumber("12"), tryParseNumber("x"));
var ok = true;
try {
  throw "ignored";
} catch {
  ok = false;
} finally {
  console.log("finally ran, ok =", ok);
}
var attempts = 0;
while (true) {
  attempts++;
  try {
    if (attempts < 3) throw 0;
    break;
  } catch {}
}
console.log(attempts);
