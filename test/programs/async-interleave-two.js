// Tests two async functions interleaving step by step with awaits of different depths.
const out = [];
const log = (m) => out.push(m);
async function worker(name, depths) {
  for (let i = 0; i < depths.length; i++) {
    let p = Promise.resolve();
    for (let d = 0; d < depths[i]; d++) p = p.then(() => {});
    await p;
    log(name + " step " + i);
  }
  return name;
}
Promise.all([worker("A", [0, 2, 0, 1]), worker("B", [1, 0, 0, 3]), worker("C", [3, 3])]).then((names) => {
  log("finished " + names.join(""));
  console.log(out.join("\n"));
});
