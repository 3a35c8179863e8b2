// Tests push and pop return values and length changes.
var a = [];
console.log(a.push(1), a.push(2, 3), a);
console.log(a.pop(), a.pop(), a.length);
console.log(a.pop(), a.pop(), a.length);
var b = [1];
b.push([2, 3]);
console.log(b.length, b[1]);
var stack = [];
"ab(c)d".split("").forEach(function (ch) {
  if (ch === "(") stack.push(ch);
  if (ch === ")") stack.pop();
});
console.log(stack.length === 0 ? "balanced" : "unbalanced");
