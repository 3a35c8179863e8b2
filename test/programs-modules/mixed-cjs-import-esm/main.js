// Tests CommonJS importing ESM with import(): namespace, default class, live bindings, TLA modules, ordering.
console.log("main start");
const p = import("./lib.mjs");
console.log("import() promise:", p instanceof Promise);
p.then(async (ns) => {
  console.log(Object.keys(ns).join(","), ns[Symbol.toStringTag]);
  console.log(new ns.default().name(), ns.state);
  ns.setState("updated");
  console.log(ns.state);
  const again = await import("./lib.mjs");
  console.log("same namespace:", again === ns);
  console.log(await require("./helper.cjs").loaded);
  const tla = await import("./tla.mjs");
  console.log(tla.ready);
  try {
    await import("./missing.mjs");
  } catch (e) {
    console.log("missing:", e.code);
  }
  console.log("main done");
});
console.log("main sync end");
