// Algorithm: run-length encoding and decoding of strings.
function encode(s) {
  var out = "";
  for (var i = 0; i < s.length; ) {
    var j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += (j - i) + s[i];
    i = j;
  }
  return out;
}
function decode(s) {
  var out = "", num = "";
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    if (c >= "0" && c <= "9") num += c;
    else { out += c.repeat(parseInt(num, 10)); num = ""; }
  }
  return out;
}
var inputs = ["aaabccdddd", "abc", "", "zzzzzzzzzzzz"];
inputs.forEach(function (s) {
  var e = encode(s);
  console.log(JSON.stringify(s), e, decode(e) === s);
});
