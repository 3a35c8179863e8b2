// Tests shift and unshift on arrays, including empty arrays.
var q = [1, 2, 3];
console.log(q.shift(), q);
console.log(q.unshift(0), q);
console.log(q.unshift(-2, -1), q);
var e = [];
console.log(e.shift(), e.length);
var order = [];
var work = ["a", "b", "c"];
while (work.length > 0) {
  var item = work.shift();
  order.push(item);
  if (item === "a") work.unshift("a2");
}
console.log(order.join(""));
