// Tests generators as cooperative tasks in a round-robin scheduler with message passing.
const output = [];
function* worker(name, steps) {
  for (let i = 1; i <= steps; i++) {
    const msg = yield name + " step " + i;
    if (msg) output.push(name + " received " + msg);
  }
  return name + " finished";
}
function run(tasks) {
  const queue = tasks.map((t) => ({ gen: t, last: undefined }));
  let tick = 0;
  while (queue.length) {
    const task = queue.shift();
    const r = task.gen.next(tick % 3 === 0 ? "ping" + tick : undefined);
    tick++;
    if (r.done) output.push("<" + r.value + ">");
    else {
      output.push(r.value);
      queue.push(task);
    }
  }
}
run([worker("A", 2), worker("B", 3), worker("C", 1)]);
console.log(output.join("\n"));
// producer / consumer with channel
function* producer(items) {
  for (const it of items) yield it;
}
function* consumer() {
  let total = 0;
  for (;;) {
    const v = yield total;
    if (v === undefined) return total;
    total += v;
  }
}
const p = producer([3, 4, 5]);
const c = consumer();
c.next();
let last;
for (const v of p) last = c.next(v).value;
console.log("consumer total", last, JSON.stringify(c.next()));
