// Tests String.fromCharCode and char code arithmetic (Caesar cipher).
console.log(String.fromCharCode(72, 105), String.fromCharCode(65 + 25));
console.log(JSON.stringify(String.fromCharCode()), String.fromCharCode(0x263a).length);
function caesar(str, shift) {
  var out = "";
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode((c - 65 + shift + 26) % 26 + 65);
    else if (c >= 97 && c <= 122) out += String.fromCharCode((c - 97 + shift + 26) % 26 + 97);
    else out += str.charAt(i);
  }
  return out;
}
var enc = caesar("Hello, World!", 3);
console.log(enc, caesar(enc, -3));
var alphabet = "";
for (var k = 0; k < 26; k += 5) alphabet += String.fromCharCode(97 + k);
console.log(alphabet);
