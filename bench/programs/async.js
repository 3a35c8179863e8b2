// async/await and promise reactions: awaits of plain values, of async calls and of
// resolved promises, Promise.all over small batches.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
async function leaf(i) {
  return i & 7;
}
async function middle(i) {
  const a = await leaf(i);
  const b = await Promise.resolve(a + 1);
  return a + b;
}
async function main() {
  let total = 0;
  for (let i = 0; i < 20000; i++) total += await middle(i);
  for (let i = 0; i < 2000; i++) {
    const batch = await Promise.all([middle(i), middle(i + 1), leaf(i)]);
    total += batch[0] + batch[1] + batch[2];
  }
  console.log(total);
  console.log("@work", Math.round(now() - T0));
}
main();
