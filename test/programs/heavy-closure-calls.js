// Heavy: tests 300k calls through closures and method dispatch.
function makeAcc() {
  var total = 0;
  return { add: function (x) { total += x; return total; }, get: function () { return total; } };
}
var accs = [makeAcc(), makeAcc(), makeAcc()];
var apply = function (f, x) { return f(x); };
for (var i = 0; i < 100000; i++) {
  accs[i % 3].add(i);
  apply(function (v) { return accs[0].add(v & 1); }, i);
}
console.log(accs[0].get(), accs[1].get(), accs[2].get());
