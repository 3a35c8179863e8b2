// The RegExp constructor: patterns, flags, copying, IsRegExp and errors.
console.log(new RegExp("a+", "gi"), RegExp("x"), new RegExp(), new RegExp(undefined, "g"));
const src = /ab/gim;
console.log(new RegExp(src), new RegExp(src, "y"), RegExp(src) === src, new RegExp(src) === src);
src.constructor = Object;
console.log(RegExp(src) === src);

// IsRegExp via Symbol.match: source and flags are read from the object.
const fake = { [Symbol.match]: true, source: "f+", flags: "g", constructor: RegExp };
console.log(RegExp(fake) === fake, new RegExp(fake), new RegExp(fake).global);

// A RegExp whose Symbol.match is false is still copied by its internal slots.
const notRe = /q/i;
notRe[Symbol.match] = false;
console.log(RegExp(notRe) === notRe, RegExp(notRe));

for (const [p, f] of [["(", ""], ["a", "x"], ["a", "gg"], ["[b-a]", ""], ["a**", ""], ["\\", ""], ["a", "uv"]]) {
  try {
    new RegExp(p, f);
    console.log("ok", p, f);
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
try {
  new RegExp(Symbol("s"));
} catch (e) {
  console.log(e.name + ": " + e.message);
}
console.log(new RegExp({ toString() { return "t"; } }, { toString() { return "m"; } }));
console.log(RegExp.length, RegExp.name, typeof RegExp.prototype, Object.prototype.toString.call(RegExp.prototype));
console.log(RegExp[Symbol.species] === RegExp, Object.prototype.toString.call(/x/));
const li = Object.getOwnPropertyDescriptor(/a/, "lastIndex");
console.log(li, Object.getOwnPropertyNames(/a/));
