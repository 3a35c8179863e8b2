// Tests toUpperCase, toLowerCase and trim on various inputs.
var s = "  Mixed Case  ";
console.log("[" + s.trim() + "]", "[" + s.toUpperCase() + "]", "[" + s.toLowerCase() + "]");
console.log("[" + "\t\n x \r\n".trim() + "]");
console.log("ALREADY".toLowerCase(), "already".toUpperCase(), "123abc!".toUpperCase());
function titleCase(str) {
  return str.split(" ").map(function (w) {
    return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  }).join(" ");
}
console.log(titleCase("the qUICK brown FOX"));
console.log("".trim().length, "   ".trim().length);
