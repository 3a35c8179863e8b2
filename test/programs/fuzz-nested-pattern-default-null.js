// Found by the fuzzer: a nested object pattern with a default, given null, is worded as
// a destructuring that names the default's source (as V8 does), not as a property read.
const t = (f) => {
  try {
    f();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
};
t(() => {
  const [{ k } = {}] = [null];
});
t(() => {
  const { a: { k } = {} } = { a: null };
});
t(() => {
  const o = {};
  const [{ k } = o] = [null];
});
t(() => {
  const [{ k } = { a: 1 }] = [null];
});
t(() => {
  let k;
  [{ k } = {}] = [null];
});
t(() => {
  const [{ k }] = [null];
});
t(() => {
  const { a: { k } } = { a: null };
});
t(() => {
  for (const [[p, [q] = [0]] = [], { k: r } = {}] of [[undefined, null, 0]]) console.log(p, q, r);
});
t(() => {
  const [{ k } = {}] = [undefined];
  console.log("k", k);
});
