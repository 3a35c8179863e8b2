// Timer ref/unref: an unref'd timer alone does not keep the program running.
const t = setTimeout(() => console.log("never"), 5000);
console.log(t.hasRef(), t.unref() === t, t.hasRef());
const i = setInterval(() => console.log("never either"), 3000);
i.unref();
require("timers/promises").setTimeout(4000, "v", { ref: false }).then(console.log);
const kept = setTimeout(() => console.log("kept", i.hasRef()), 1);
kept.unref();
kept.ref();
process.on("exit", (c) => console.log("exit", c));
