// Intl objects are data: made before a cut, they format the same after it.
const nf = new Intl.NumberFormat("fr-FR", { style: "unit", unit: "kilometer-per-hour" });
const dtf = Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium" });
const fmt = nf.format;
let out = [];
for (let i = 0; i < 5; i++) {
  out.push(fmt(i * 1000.5), dtf.format(Date.UTC(2020, i, 1)), (i * 1e6).toLocaleString("hi-IN"));
}
console.log(out.join(" | "));
console.log(dtf.resolvedOptions().locale, nf.resolvedOptions().unit, dtf instanceof Intl.DateTimeFormat);
