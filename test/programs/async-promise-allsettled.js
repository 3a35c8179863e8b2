// Tests Promise.allSettled result objects and ordering with mixed outcomes.
const out = [];
const log = (m) => out.push(m);
const first = Promise.allSettled([
  Promise.resolve(1),
  Promise.reject(new Error("no")),
  "value",
  new Promise((r) => setTimeout(() => r("late"), 5)),
  Promise.reject("reason string"),
]).then((results) => {
  for (const r of results) {
    const detail = r.status === "fulfilled" ? r.value : r.reason instanceof Error ? r.reason.message : r.reason;
    log(r.status + " " + detail + " keys=" + Object.keys(r).join(","));
  }
});
Promise.allSettled([]).then((r) => log("empty length " + r.length));
Promise.allSettled(null).catch((e) => log("null: " + e.constructor.name));
// never rejects even if all reject
Promise.allSettled([Promise.reject(1), Promise.reject(2)]).then(
  (r) => log("all rejected -> fulfilled with " + r.map((x) => x.reason).join("+")),
  () => log("wrong"),
);
// Printed once the timer's round settled, not after a fixed time.
first.then(() => setTimeout(() => console.log(out.join("\n")), 0));
