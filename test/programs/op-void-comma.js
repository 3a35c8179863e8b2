// Tests void and the comma operator, including side effects.
var n = 0;
console.log(void 0);
console.log(void (n = 5), n);
console.log(void "x" === undefined);
var r = (n++, n++, n);
console.log(r, n);
var s = (1, 2, 3);
console.log(s);
var log = [];
var t = (log.push("a"), log.push("b"), log.join("+"));
console.log(t);
for (var i = 0, j = 10; i < j; i += 3, j -= 3) {
  console.log(i, j);
}
