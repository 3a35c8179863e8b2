// nextTick callbacks that do work themselves: snapshots cut inside them.
let total = 0;
function work(n, label) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  total += s;
  console.log(label, s);
}
process.nextTick(work, 20, "first");
process.nextTick(() => {
  work(10, "second");
  process.nextTick(work, 5, "nested");
  Promise.resolve(3).then((v) => work(v, "promise"));
});
Promise.resolve().then(() => {
  process.nextTick(() => work(4, "tick after jobs"));
  Promise.resolve().then(() => work(2, "job before tick"));
});
setTimeout(() => {
  process.nextTick(work, 6, "tick in timer");
  console.log("total", total);
}, 1);
