// Tests await inside for/while/for-of loops, sequential vs parallel, and loop-scoped bindings.
const out = [];
const log = (m) => out.push(m);
const wait = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  const seq = [];
  for (const ms of [15, 5, 10]) {
    seq.push(await wait(ms, "s" + ms));
  }
  log("sequential: " + seq.join(","));
  const finishOrder = [];
  await Promise.all(
    [15, 5, 10].map(async (ms) => {
      await wait(ms);
      finishOrder.push("p" + ms);
    }),
  );
  log("parallel finish order: " + finishOrder.join(","));
  let i = 0;
  while ((await wait(1, i)) < 3) i++;
  log("while ended at " + i);
  const fns = [];
  for (let k = 0; k < 3; k++) {
    await null;
    fns.push(() => k);
  }
  log("closures " + fns.map((f) => f()).join(""));
  let sum = 0;
  for (let a = 0, b = await wait(1, 10); a < 3; a++) sum += a + b;
  log("sum " + sum);
  outer: for (const x of [1, 2, 3]) {
    for (const y of [1, 2, 3]) {
      await null;
      if (y === 2) continue outer;
      if (x === 3) break outer;
      log("pair " + x + y);
    }
  }
  const r = await [1, 2, 3].reduce(async (accP, v) => (await accP) + v, Promise.resolve(0));
  log("async reduce " + r);
  console.log(out.join("\n"));
})();
