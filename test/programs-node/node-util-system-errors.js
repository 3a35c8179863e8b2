// util.getSystemErrorName and getSystemErrorMap: libuv's names (errno values, EAI_*,
// EOF), unknown codes, and the argument checks.
const util = require("util");

console.log([-2, -13, -110, -3008, -4095, -12345].map((n) => util.getSystemErrorName(n)).join(" "));
for (const bad of [2, 0, "x", 1.5, -Infinity]) {
  try {
    util.getSystemErrorName(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
const map = util.getSystemErrorMap();
console.log(map instanceof Map, map.get(-2), map.size > 50);
