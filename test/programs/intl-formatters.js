const nf = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });
console.log(nf.format(1234.5), nf.formatToParts(-1.5).map((p) => p.type).join(","), nf.resolvedOptions().locale);
console.log(Intl.NumberFormat("en", { notation: "compact" }).format(1234567), new Intl.NumberFormat().format(12345678901234567890n));
const dtf = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "short", timeZone: "America/New_York" });
console.log(dtf.format(new Date(Date.UTC(2024, 6, 4, 16))), typeof dtf.format, dtf.format.name, dtf.format === dtf.format);
console.log(new Intl.PluralRules("en").select(1), new Intl.PluralRules("en", { type: "ordinal" }).select(2));
console.log(new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-1, "day"));
console.log(new Intl.ListFormat("en", { type: "conjunction" }).format(["a", "b", "c"]));
console.log(new Intl.DisplayNames(["en"], { type: "region" }).of("FR"));
console.log([...new Intl.Segmenter("en", { granularity: "word" }).segment("Hi there!")].filter((s) => s.isWordLike).map((s) => s.segment));
const loc = new Intl.Locale("en-Latn-US", { hourCycle: "h12" });
console.log(loc.language, loc.region, loc.script, loc.hourCycle, String(loc), loc.maximize().toString(), new Intl.Locale("zh").maximize().baseName);
console.log(Intl.getCanonicalLocales(["EN-us", "de"]), Object.prototype.toString.call(Intl), Object.prototype.toString.call(nf));
console.log(["b", "a", "ä", "C"].sort(new Intl.Collator("de").compare), new Intl.Collator("en", { sensitivity: "base" }).compare("a", "A"));
try { new Intl.NumberFormat("en", { style: "currency" }); } catch (e) { console.log(e.name, e.message); }
try { new Intl.NumberFormat("xx-@@"); } catch (e) { console.log(e.name, e.message); }
try { Intl.PluralRules(); } catch (e) { console.log(e.name, e.message); }
console.log((12345.678).toLocaleString("en-IN", { maximumFractionDigits: 1 }), [1234, 0.5].toLocaleString("de"));
console.log(Intl.NumberFormat.supportedLocalesOf(["en", "fr"]), typeof Intl.supportedValuesOf("currency").length);
console.log(Intl.DateTimeFormat().resolvedOptions().timeZone === Intl.DateTimeFormat().resolvedOptions().timeZone);
console.log(new Intl.NumberFormat("en").format("1234567890123456789.5"), Object.keys(Intl), Intl.Collator.length, Intl.DisplayNames.length);
