// Promise machinery: a then-chain, awaits of plain values and of async calls.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
async function child(i) {
  return i;
}
async function main() {
  let p = Promise.resolve(0);
  for (let i = 0; i < 20000; i++) p = p.then((v) => v + 1);
  let s = await p;
  for (let i = 0; i < 20000; i++) s += await i;
  for (let i = 0; i < 20000; i++) s += await child(i);
  console.log(s);
  console.log("@work", Math.round(now() - T0));
}
main();
