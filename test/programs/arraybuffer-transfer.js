// ArrayBuffer transfer/detached (ES2024; not in Node 20): self-checking, prints one
// boolean per line (all true where the feature is missing).
const checks = [];
const b = new ArrayBuffer(4);
const u = new Uint8Array(b);
u.set([1, 2, 3, 4]);
if (typeof ArrayBuffer.prototype.transfer === "function") {
  const t = b.transfer(6);
  checks.push(b.detached === true, b.byteLength === 0, t.byteLength === 6);
  checks.push(u.length === 0, u[0] === undefined, new Uint8Array(t).join() === "1,2,3,4,0,0");
  let threw = false;
  try {
    b.slice();
  } catch (e) {
    threw = e instanceof TypeError;
  }
  checks.push(threw);
  const r = new ArrayBuffer(2, { maxByteLength: 4 });
  const f = r.transferToFixedLength();
  checks.push(f.resizable === false, r.detached === true);
  let threw2 = false;
  try {
    u.fill(1);
  } catch (e) {
    threw2 = e instanceof TypeError;
  }
  checks.push(threw2);
} else for (let i = 0; i < 10; i++) checks.push(true);
for (const c of checks) console.log(c);
