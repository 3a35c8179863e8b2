// Tests completion values returned by eval for different statement kinds.
const cases = [
  "1 + 1",
  "var x = 5",
  "var y = 5; y",
  "if (true) { 'then' } else { 'else' }",
  "if (false) { 'then' }",
  "1; if (false) { 2 }",
  "for (var i = 0; i < 3; i++) i * 10",
  "for (var i = 0; i < 0; i++) i",
  "7; for (var i = 0; i < 0; i++) i",
  "var n = 0; while (n < 3) { n++ }",
  "do { 'do body' } while (false)",
  "'before'; { }",
  "switch (2) { case 1: 'one'; case 2: 'two'; case 3: 'three'; break; case 4: 'four' }",
  "try { 'try value' } finally { 'finally value' }",
  "try { throw 1 } catch (e) { 'caught ' + e }",
  "lbl: { 'in block'; break lbl; }",
  "function decl() {}",
  "3; function decl2() {}",
  "let l = 1",
  "'s'; let l2 = 2",
  "x = 'assigned'",
  "[1, 2].map(v => v * 2)",
  "({ a: 1 }).a",
  "for (const k in { p: 1, q: 2 }) k",
  "for (const v of [4, 5]) { if (v === 5) break; v }",
  "class C {}",
  "typeof undefinedThing",
  "'a' + 'b'; void 0",
  "9; ;",
  "with ({ w: 'with value' }) w",
];
for (const src of cases) {
  const v = eval(src);
  console.log(src.padEnd(80).slice(0, 50), "=>", typeof v === "string" ? JSON.stringify(v) : String(v));
}
