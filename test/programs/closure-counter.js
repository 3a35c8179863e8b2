// Tests closures as independent counters with shared and separate state.
function makeCounter(start) {
  var count = start;
  return {
    inc: function () { return ++count; },
    dec: function () { return --count; },
    get: function () { return count; }
  };
}
var c1 = makeCounter(0);
var c2 = makeCounter(100);
c1.inc(); c1.inc(); c1.inc();
c2.dec();
console.log(c1.get(), c2.get());
console.log(c1.inc(), c2.inc(), c1.dec());
var c3 = makeCounter(5);
console.log(c3.get(), c1.get());
