// More snippet kinds for the generator (gen.ts): language areas the first grammar
// reached only in fixed shapes: tagged templates, async generators and `for await`,
// iterator closing, functions (defaults, arguments, new.target, bind, object-literal
// accessors and super), labelled blocks and per-iteration bindings, typed arrays and
// UTC dates. Same rules as gen.ts: everything printed is deterministic in node.

import type { Gen } from "./gen";

export function snippetTagged(g: Gen): string {
  const r = g.r;
  const t = g.fresh("tg");
  const lines = [
    `function ${t}(strs, ...vals) { log("${t}", strs.length, strs, strs.raw, vals, Object.isFrozen(strs), Array.isArray(strs.raw)); return vals.length ? vals[0] : strs[0]; }`,
    `const ${t}o = { n: "obj", m(strs, ...v) { return this.n + ":" + strs.join("_") + v.length; } };`,
  ];
  const templates = [
    "`plain`",
    "`a${1}b${'two'}c`",
    "`${null}${undefined}`",
    "`line\\nnext\\t${[1, 2]}`",
    "`\\u0041\\x42${3n}`",
    "`bad escape \\unicode ${0} \\xZ`",
    "`${{ toString() { return 'ts'; } }}`",
    "``",
  ];
  const k = r.range(2, 5);
  for (let i = 0; i < k; i++)
    lines.push(
      r.pick([
        `attempt("${t}:${i}", () => ${t}${r.pick(templates)});`,
        `attempt("${t}:${i}", () => ${t}o.m${r.pick(templates)});`,
        `attempt("${t}:${i}", () => ${t}o["m"]\`x\${${i}}y\`);`,
        `attempt("${t}:${i}", () => String.raw${r.pick(templates)});`,
        `attempt("${t}:${i}", () => { const seen = []; for (let i = 0; i < 2; i++) seen.push(((s) => s)\`same\${i}\`); return [seen[0] === seen[1], ((s) => s)\`same\${0}\` === seen[0]]; });`,
        `attempt("${t}:${i}", () => ((s, ...v) => s.raw.map((x, j) => x + (v[j] ?? "")).join(""))${r.pick(templates)});`,
        `attempt("${t}:${i}", () => ${t}\`\${${t}\`inner\${${i}}\`}\`);`,
      ]),
    );
  return lines.join("\n");
}

export function snippetAsyncGenerators(g: Gen): string {
  const r = g.r;
  const f = g.fresh("ag");
  const yields = [
    `yield 1;`,
    `yield await Promise.resolve("aw");`,
    `yield Promise.resolve("auto-awaited");`,
    `log("${f} sent", yield "q");`,
    `yield* [10, 20];`,
    `yield* (async function* () { yield "inner"; })();`,
    `if (x === 1) throw new RangeError("${f} throw");`,
    `if (x === 2) return "${f} early";`,
    `yield Promise.reject(new Error("${f} rejected yield"));`,
  ];
  const body: string[] = [];
  for (let i = 0, n = r.range(2, 4); i < n; i++) body.push(r.pick(yields));
  const lines = [
    `async function* ${f}(x) {`,
    `  try {`,
    ...body.map((s) => "    " + s),
    `  } ${r.pick(["finally { log('" + f + " finally'); }", "catch (e) { log('" + f + " caught', err(e)); yield 'recovered'; }"])}`,
    `  return "${f} done";`,
    `}`,
  ];
  const consumer = r.pick([
    `for await (const v of ${f}(${r.int(3)})) log("${f} got", v);`,
    `for await (const v of ${f}(0)) { log("${f} got", v); if (v === ${r.pick(["1", "10", "'aw'"])}) break; }`,
    `const it = ${f}(${r.int(3)}); log(await it.next()); log(await it.next("sent")); log(await it.${r.pick(["return('r')", "next()", "throw(new TypeError('into'))"])}); log(await it.next());`,
    `for await (const v of [1, Promise.resolve(2), ${r.pick(["3", "Promise.reject(new Error('in array'))"])}]) log("${f} arr", v);`,
    `for await (const v of { [Symbol.asyncIterator]() { let n = 0; return { next: () => Promise.resolve({ value: n, done: n++ > 1 }), return: () => (log("${f} closed"), {}) }; } }) { log("${f} custom", v); ${r.pick(["", "break;"])} }`,
  ]);
  lines.push(
    `(async () => {`,
    `  ${consumer}`,
    `  log("${f} consumer done");`,
    `})().catch((e) => log("${f} consumer failed", err(e)));`,
    `log("${f} sync end");`,
  );
  return lines.join("\n");
}

export function snippetIteratorClose(g: Gen): string {
  const r = g.r;
  const m = g.fresh("ic");
  const lines = [
    `function ${m}(n, failAt) {`,
    `  let i = 0;`,
    `  return {`,
    `    [Symbol.iterator]() { log("${m} open"); return this; },`,
    `    next(v) { i++; if (i === failAt) throw new Error("${m} next fails"); log("${m} next", i); return { value: i, done: i > n }; },`,
    `    ${r.pick(["return(v) { log('" + m + " return'); return {}; }", "return() { log('" + m + " return'); return 1; }", "return() { throw new TypeError('" + m + " return throws'); }", "get return() { log('" + m + " get return'); return undefined; }"])}`,
    `  };`,
    `}`,
  ];
  const n = () => r.range(1, 4);
  const uses = [
    () =>
      `(() => { for (const v of ${m}(${n()})) { if (v === ${r.range(1, 3)}) break; } return "done"; })()`,
    () =>
      `(() => { for (const v of ${m}(${n()})) { if (v === 2) throw new Error("body"); } return "done"; })()`,
    () => `(() => { for (const v of ${m}(${n()})) { if (v === 1) return "ret"; } })()`,
    () =>
      `(() => { outer${m}: for (const a of [1, 2]) { for (const v of ${m}(3)) { if (v === 2) continue outer${m}; } } return "done"; })()`,
    () => `(() => { const [a, b] = ${m}(${n()}); return [a, b]; })()`,
    () => `(() => { const [a, ...rest] = ${m}(${n()}); return [a, rest]; })()`,
    () => `(() => { const [a] = ${m}(3, ${r.range(1, 3)}); return a; })()`,
    () => `[...${m}(${n()})]`,
    () => `Array.from(${m}(${n()}), (x) => { if (x === 2) throw new Error("mapper"); return x; })`,
    () => `new Map(${m}(2))`,
    () => `(function* () { yield* ${m}(3); })().return("early")`,
    () =>
      `(() => { const it = (function* () { const x = yield* ${m}(3); log("delegate result", x); })(); it.next(); return it.return("r"); })()`,
    () =>
      `(() => { try { for (const v of ${m}(3)) { try { if (v === 1) break; } finally { log("inner finally"); } } } finally { log("outer finally"); } })()`,
  ];
  for (let i = 0, k = r.range(2, 5); i < k; i++)
    lines.push(`attempt("${m}:${i}", () => ${r.pick(uses)()});`);
  return lines.join("\n");
}

export function snippetFunctions(g: Gen): string {
  const r = g.r;
  const p = g.fresh("fn");
  const lines = [
    `function ${p}a(a, b = a + 1, c = (() => log("default c"))(), ...rest) { return [a, b, c, rest, arguments.length]; }`,
    `function ${p}b(a, b) { ${r.pick(["", '"use strict"; '])}arguments[0] = "changed"; b = "b2"; return [a, arguments[1], arguments.length, typeof arguments.callee]; }`,
    `function ${p}c() { return new.target === undefined ? "call" : "new " + new.target.name; }`,
    `const ${p}o = { base: "o", get g() { return this.base + "!"; }, set s(v) { this.base = v; }, ["k" + 1]: 1, [Symbol.toStringTag]: "Tagged", m() { return super.hello ? super.hello() : "no super"; }, arrow: () => typeof this };`,
    `Object.setPrototypeOf(${p}o, { hello() { return "proto hello " + this.base; } });`,
  ];
  const uses = [
    `${p}a(1)`,
    `${p}a(1, undefined, null, 4, 5)`,
    `${p}a()`,
    `${p}a.length`,
    `${p}b(1, 2)`,
    `${p}b()`,
    `${p}c()`,
    `new ${p}c() instanceof ${p}c`,
    `Reflect.construct(${p}c, [], class Other {})`,
    `${p}o.g`,
    `(${p}o.s = "set", ${p}o.g)`,
    `${p}o.m()`,
    `${p}o.arrow()`,
    `Object.prototype.toString.call(${p}o)`,
    `Object.keys(${p}o)`,
    `${p}a.bind(null, "bound")()`,
    `${p}a.bind(null, 1, 2).length`,
    `${p}a.bind(null).name`,
    `new (${p}c.bind(null))()`,
    `${p}a.call({}, ...[7, 8])`,
    `${p}a.apply(null, [9])`,
    `((x, y = x) => [x, y])(${r.pick(["1", "undefined", "null"])})`,
    `((a, b = () => a) => { a = 2; return b(); })(1)`,
    `(function (a = 1) { var a; return a; })()`,
    `(function (x = y, y = 1) { return x; })()`,
    `(function () { return typeof this; }).call(${r.pick(["1", "null", "'s'"])})`,
    `(function () { "use strict"; return typeof this; }).call(${r.pick(["1", "null", "'s'"])})`,
    `[function () {}, () => {}, async () => {}, function* () {}, class {}].map((f) => [f.name, f.length, "prototype" in f])`,
    `(() => { const f = function g() { return typeof g; }; return [f(), typeof g]; })()`,
    `(() => { let n = 0; const o = { get [(n++, "dyn")]() { return n; } }; return [o.dyn, n]; })()`,
  ];
  lines.push(...g.attempts(p, uses, 3, 7));
  return lines.join("\n");
}

export function snippetBindings(g: Gen): string {
  // Per-iteration bindings, labelled blocks, optional catch binding, finally overrides.
  const r = g.r;
  const b = g.fresh("bd");
  const forms = [
    `const ${b}f = []; for (let i = 0, j = 10; i < 3; i++, j--) ${b}f.push(() => [i, j]); log(${b}f.map((f) => f()));`,
    `const ${b}f = []; for (const k in { a: 1, b: 2 }) ${b}f.push(() => k); log(${b}f.map((f) => f()));`,
    `const ${b}f = []; for (const [k, v] of Object.entries({ x: 1, y: 2 })) ${b}f.push(() => k + v); log(${b}f.map((f) => f()));`,
    `const ${b}f = []; let ${b}w = 0; while (${b}w < 3) { let c = ${b}w++; ${b}f.push(() => c); } log(${b}f.map((f) => f()));`,
    `const ${b}f = []; for (var i = 0; i < 3; i++) ${b}f.push(() => i); log(${b}f.map((f) => f()));`,
    `const ${b}f = []; for (let i = 0; i < 3; i++) { ${b}f.push(() => i); i++; } log(${b}f.map((f) => f()));`,
    `${b}: { log("in block"); if (${r.pick(["true", "false"])}) break ${b}; log("not skipped"); } log("after block");`,
    `${b}: for (let i = 0; i < 3; i++) { ${b}in: { if (i === 1) break ${b}in; if (i === 2) continue ${b}; log("body", i); } log("tail", i); }`,
    `try { null.x; } catch { log("optional catch binding"); }`,
    `log((() => { try { return "try"; } finally { ${r.pick(["log('finally runs');", "return 'finally wins';"])} } })());`,
    `log((() => { for (const x of [1, 2]) { try { continue; } finally { log("finally", x); } } return "done"; })());`,
    `log((() => { let i = 0; do { try { if (i === 1) break; } finally { i++; } } while (i < 5); return i; })());`,
    `log((() => { try { throw new Error("first"); } catch (e) { try { throw new Error("second"); } finally { log("nested finally", e.message); } } })());`,
    `log((() => { let s = ""; switch (${r.pick(["1", "2", "3"])}) { case 1: s += "1"; case 2: { let z = "2"; s += z; } break; default: s += "d"; } return s; })());`,
    `{ function ${b}hoisted() { return "block fn"; } } log(typeof ${b}hoisted);`,
    `log((() => { const fs = []; for (const x of [1, 2, 3]) { if (x === 2) continue; fs.push(() => x * 10); } return fs.map((f) => f()); })());`,
    `log([1, 2, 3].map((x) => { let acc = 0; for (let i = 0; i < x; i++) acc += i; return acc; }));`,
  ];
  const lines: string[] = [];
  const used = new Set<number>();
  for (let i = 0, k = r.range(2, 4); i < k; i++) {
    const idx = r.int(forms.length);
    if (used.has(idx)) continue; // a form declares names: once per snippet
    used.add(idx);
    lines.push(`try { ${forms[idx]} } catch (e) { log("${b}:${i}", err(e)); }`);
  }
  return lines.join("\n");
}

export function snippetTyped(g: Gen): string {
  const r = g.r;
  const t = g.fresh("ta");
  const kind = r.pick([
    "Uint8Array",
    "Int8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
  ]);
  const big = kind === "BigInt64Array";
  const v = (x: number) => (big ? `${x}n` : String(x));
  const lines = [`const ${t} = new ${kind}([${[1, -2, 300, 7].map(v).join(", ")}]);`];
  const uses = [
    `Array.from(${t})`,
    `${t}.length`,
    `[${t}.byteLength, ${t}.BYTES_PER_ELEMENT]`,
    `Array.from(${t}.subarray(1, 3))`,
    `Array.from(${t}.slice(-2))`,
    `(${t}[1] = ${v(-129)}, ${t}[1])`,
    `(${t}[10] = ${v(1)}, ${t}[10])`,
    `Array.from(${t}.map((x) => x * ${v(2)}))`,
    `${t}.indexOf(${v(7)})`,
    `${t}.join("|")`,
    `Array.from(${t}.toSorted())`,
    `Array.from(${t}.toReversed())`,
    `${t}.at(-1)`,
    `(${t}.set([${v(9)}], 2), Array.from(${t}))`,
    `Array.from(new Uint8Array(${t}.buffer, 0, 4))`,
    `(() => { const dv = new DataView(new ArrayBuffer(8)); dv.setInt16(0, -2); dv.setFloat32(4, 1.5, true); return [dv.getUint16(0), dv.getUint8(1), dv.getFloat32(4, true), dv.getInt32(4)]; })()`,
    `(() => { const ab = new ArrayBuffer(4); const a = new Uint8Array(ab); a[0] = 255; return [ab.slice(0, 2).byteLength, new Int8Array(ab)[0]]; })()`,
    `Object.prototype.toString.call(${t})`,
    `${t} instanceof ${kind}`,
    `${kind}.from("123", (c) => ${big ? "BigInt(c)" : "Number(c)"} + ${v(1)}).join()`,
    `new ${kind}(-1)`,
    `Array.from(${t}.fill(${v(5)}, 1, 3))`,
    `Object.keys(${t})`,
  ];
  lines.push(...g.attempts(t, uses, 3, 6));
  return lines.join("\n");
}

export function snippetDates(g: Gen): string {
  // UTC only: local time depends on the host's zone.
  const r = g.r;
  const d = g.fresh("dt");
  const when = r.pick([
    "0",
    "1700000000123",
    "-1",
    "Date.UTC(2024, 1, 29, 12, 30)",
    "Date.UTC(1969, 11, 31, 23, 59, 59, 999)",
    "'2020-03-04T05:06:07.089Z'",
    "'2020-03-04'",
    "'not a date'",
    "8.64e15 + 1",
    "Date.UTC(99, 0)",
  ]);
  const lines = [`const ${d} = new Date(${when});`];
  const uses = [
    `${d}.getTime()`,
    `${d}.toISOString()`,
    `${d}.toJSON()`,
    `JSON.stringify({ d: ${d} })`,
    `[${d}.getUTCFullYear(), ${d}.getUTCMonth(), ${d}.getUTCDate(), ${d}.getUTCDay(), ${d}.getUTCHours()]`,
    `${d}.toUTCString()`,
    `(${d}.setUTCMonth(${r.pick(["13", "-1", "1"])}), ${d}.getTime())`,
    `(${d}.setUTCDate(0), ${d}.toISOString())`,
    `+${d}`,
    `${d} - new Date(0)`,
    `Date.UTC(2000, ${r.pick(["0", "12", "-1"])}, ${r.pick(["1", "31", "0"])})`,
    `Date.parse("2000-01-01T00:00:00Z")`,
    `Date.parse(${r.pick(["'2000-01-01T00:00:00.000+02:00'", "'2000-13-01'", "'2000-01-01T24:00:00Z'"])})`,
    `new Date(NaN).getTime()`,
    `typeof Date()`,
    `${d}[Symbol.toPrimitive]("number")`,
    `Object.prototype.toString.call(${d})`,
    `new Date(${d}).getTime() === ${d}.getTime()`,
  ];
  lines.push(...g.attempts(d, uses, 3, 6));
  return lines.join("\n");
}
