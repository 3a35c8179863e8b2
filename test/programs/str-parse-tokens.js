// Tests a small hand-written tokenizer using charAt and char comparisons.
function tokenize(src) {
  var tokens = [], i = 0;
  while (i < src.length) {
    var c = src.charAt(i);
    if (c === " ") { i++; continue; }
    if (c >= "0" && c <= "9") {
      var start = i;
      while (i < src.length && src.charAt(i) >= "0" && src.charAt(i) <= "9") i++;
      tokens.push("NUM(" + src.slice(start, i) + ")");
      continue;
    }
    if ((c >= "a" && c <= "z") || c === "_") {
      var s = i;
      while (i < src.length && ((src.charAt(i) >= "a" && src.charAt(i) <= "z") || src.charAt(i) === "_")) i++;
      tokens.push("ID(" + src.slice(s, i) + ")");
      continue;
    }
    if ("+-*/()=".indexOf(c) >= 0) { tokens.push(c); i++; continue; }
    throw new SyntaxError("unexpected '" + c + "' at " + i);
  }
  return tokens;
}
console.log(tokenize("x = 12 + foo_bar*(3-1)").join(" "));
try {
  tokenize("a + $");
} catch (e) {
  console.log(e.name, e.message);
}
