// npm run bench:longest-step — the longest single run() slice for programs whose one
// instruction used to do seconds of native work (a catastrophic regexp, a big
// JSON.parse, a replaceAll over 30 MB, a huge BigInt power, big sorts and joins, the
// keys of 10^6 properties, for-in over them and over typed arrays, case mapping, normalization,
// UTF-8, base64 and hex over 10-50 MB, copyWithin over 200 MB).
// Each case runs under the embedding API in run(1000) slices; the table shows the
// worst wall time of one run() call, the total, and the number of slices.
//
//   node dist/bench/longest-step.js [--dist DIR] [--only NAME] [--cap SECONDS]
//
// --only takes one name part or several, comma-separated.
// --dist runs the cases against another build (e.g. /work/main/dist, for "before").
// A case that has not finished after --cap seconds (default 60) is reported as such.
// Measured, never asserted.

import * as path from "node:path";

interface Case {
  name: string;
  source: string;
}

export const CASES: Case[] = [
  {
    name: "redos-host /(a+)+$/ 25",
    source: `console.log(/(a+)+$/.test("a".repeat(25) + "b"));`,
  },
  {
    name: "redos-engine /(?i:a+)+$/ 22",
    source: `console.log(/(?i:a+)+$/.test("a".repeat(22) + "b"));`,
  },
  {
    name: "JSON.parse 45 MB",
    source: `const s = "[" + '{"a":1,"b":"xyz","c":[true,null]},'.repeat(1300000) + "1]";
console.log(s.length, JSON.parse(s).length);`,
  },
  {
    name: "JSON.stringify 1e6",
    source: `const a = Array.from({ length: 200000 }, (_, i) => ({ i, s: "x" + i }));
console.log(JSON.stringify(a).length);`,
  },
  {
    name: "repeat+replaceAll 30 MB",
    source: `console.log("abc".repeat(1e7).replaceAll("b", "xy").length);`,
  },
  {
    name: "7n ** 3000000n",
    source: `console.log((7n ** 3000000n) % 1000n);`,
  },
  {
    name: "join 1e6",
    source: `const a = new Array(1e6).fill("abc");
console.log(a.join(",").length);`,
  },
  {
    name: "sort 2e5",
    source: `const a = Array.from({ length: 200000 }, (_, i) => (i * 7919) % 200000);
a.sort((x, y) => x - y);
console.log(a[0], a[a.length - 1]);`,
  },

  // Adversarial cases: one host call on a huge operand.
  {
    name: "bigint toString 7n**2e6n",
    source: `const x = 7n ** 2000000n;
console.log(x.toString().length);`,
  },
  {
    name: "bigint mul 1e6 digits",
    source: `const a = 10n ** 1000000n - 1n, b = 10n ** 1000000n - 3n;
console.log((a * b) % 1000n);`,
  },
  {
    name: "bigint div 2e6/1e6 digits",
    source: `const a = 10n ** 2000000n - 1n, b = 10n ** 1000000n - 3n;
console.log((a / b) % 1000n, (a % b) % 1000n);`,
  },
  {
    name: "BigInt(string) 1e6 digits",
    source: `const s = "9".repeat(1e6);
console.log(BigInt(s) % 1000n);`,
  },
  {
    name: "split string 30 MB",
    source: `const s = "abc".repeat(1e7);
console.log(s.split("b").length);`,
  },
  {
    name: "split regexp 30 MB",
    source: `const s = "abc".repeat(1e7);
console.log(s.split(/b/).length);`,
  },
  {
    name: "replace regexp g 30 MB",
    source: `const s = "abc".repeat(1e7);
console.log(s.replace(/b/g, "xy").length);`,
  },
  {
    name: "replace fn-free string 30 MB",
    source: `const s = "abc".repeat(1e7) + "z";
console.log(s.replace("z", "y").length);`,
  },
  {
    name: "repeat 1e8 + flatten",
    source: `const s = "abc".repeat(3e7);
console.log(s.length, s.indexOf("d"), s.charCodeAt(5e7));`,
  },
  {
    name: "padStart/padEnd 1e8",
    source: `const s = "x".padStart(1e8, "ab").padEnd(1.5e8, "cd");
console.log(s.length, s.lastIndexOf("x"));`,
  },
  {
    name: "toUpperCase 50 MB",
    source: `const s = "abc".repeat(1.7e7);
console.log(s.toUpperCase().length);`,
  },
  {
    name: "toLowerCase 50 MB",
    source: `const s = "ABC\u03a3 ".repeat(1e7);
console.log(s.toLowerCase().length);`,
  },
  {
    name: "normalize 10 MB",
    source: `const s = "e\\u0301a\\u0308".repeat(2.5e6);
console.log(s.normalize("NFC").length);`,
  },
  {
    name: "localeCompare 30 MB",
    source: `const s = "abc".repeat(1e7), t = s.slice(0, -1) + "d";
console.log(s.localeCompare(t));`,
  },
  {
    name: "String.fromCharCode.apply 1e5",
    source: `const a = new Array(1e5).fill(65);
console.log(String.fromCharCode.apply(null, a).length);`,
  },
  {
    name: "Math.max.apply 1e5",
    source: `const a = new Array(1e5).fill(1);
console.log(Math.max.apply(null, a), Math.max(...a));`,
  },
  {
    name: "array indexOf/includes 1e7",
    source: `const a = new Array(1e7).fill(1);
console.log(a.indexOf(2), a.includes(2), a.lastIndexOf(2));`,
  },
  {
    name: "array copyWithin/splice 1e6",
    source: `const a = new Array(1e6).fill(1);
a.copyWithin(0, 1); a.splice(0, 0, 5);
console.log(a.length, a.join("").length);`,
  },
  {
    name: "array sort default 2e5",
    source: `const a = Array.from({ length: 200000 }, (_, i) => "k" + ((i * 7919) % 200000));
a.sort();
console.log(a[0], a[a.length - 1]);`,
  },
  {
    name: "array flat 1e6",
    source: `const a = new Array(1e3).fill(new Array(1e3).fill(1));
console.log(a.flat().length);`,
  },
  {
    name: "typedarray fill/sort/slice 1e8",
    source: `const t = new Float64Array(2.5e7).fill(1.5);
t[7] = -1; t.sort();
const u = t.slice(1); u.set(t.subarray(0, 1e7));
console.log(t[0], u.indexOf(7), u.length, t.includes(3), t.join(",").length);`,
  },
  {
    name: "typedarray reverse/set/search 1e8",
    source: `const t = new Uint8Array(1e8); t[5] = 1;
t.reverse(); const f = new Float32Array(2.5e7); f.set(new Float64Array(2.5e7).fill(0.1));
console.log(t.lastIndexOf(1), t.indexOf(2), t.includes(3), f[7]);`,
  },
  {
    name: "bigint toString radix 7 / String() 3n**1.5e6n",
    source: `const x = 3n ** 1500000n;
console.log(x.toString(7).length, String(x).length);`,
  },
  {
    name: "typedarray reverse/map 1e7",
    source: `const t = new Int32Array(1e7).fill(3);
t.reverse();
console.log(t.map((x) => x + 1)[5]);`,
  },
  {
    name: "Object.keys/assign 1e6",
    source: `const o = {};
for (let i = 0; i < 1e6; i++) o["k" + i] = i;
const k = Object.keys(o), p = Object.assign({}, o);
console.log(k.length, Object.entries(p).length, JSON.stringify(o).length);`,
  },
  {
    name: "Object.keys/names 1e6",
    source: `const o = {};
for (let i = 0; i < 1e6; i++) o["k" + i] = i;
console.log(Object.keys(o).length, Object.getOwnPropertyNames(o).length, Reflect.ownKeys(o).length);`,
  },
  {
    name: "for-in 1e6",
    source: `const o = {};
for (let i = 0; i < 1e6; i++) o["k" + i] = i;
let n = 0;
for (const k in o) n++;
console.log(n);`,
  },
  {
    name: "Object.keys array 1e7",
    source: `const a = new Array(1e7).fill(1);
console.log(Object.keys(a).length);`,
  },
  {
    name: "for-in typedarray 1e7",
    source: `const t = new Uint8Array(1e7);
let n = 0;
for (const k in t) n++;
console.log(n);`,
  },
  {
    name: "for-in array 3e6",
    source: `const a = new Array(3e6).fill(1);
let n = 0;
for (const k in a) n++;
console.log(n);`,
  },
  {
    name: "Object.keys typedarray/String 1e6",
    source: `const t = new Float64Array(1e6), s = new String("x".repeat(1e6));
console.log(Object.keys(t).length, Reflect.ownKeys(t).length, Object.getOwnPropertyNames(s).length);
let n = 0;
for (const k in s) n++;
console.log(n, Object.entries(t).length);`,
  },
  {
    name: "structuredClone 1e6",
    source: `const a = new Array(1e6).fill(0).map((_, i) => ({ i }));
console.log(structuredClone(a).length);`,
  },
  {
    name: "Map/Set from 1e6",
    source: `const a = new Array(1e6).fill(0).map((_, i) => [i, i]);
console.log(new Map(a).size, new Set(a).size);`,
  },
  {
    name: "Set methods copy 1e6",
    source: `const s = new Set(Array.from({ length: 1e6 }, (_, i) => "k" + i));
console.log(s.union(new Set([1])).size, s.difference(new Set(["k1"])).size);`,
  },
  {
    name: "btoa/atob 30 MB",
    source: `const s = "abc".repeat(1e7);
const b = btoa(s);
console.log(b.length, atob(b).length);`,
  },
  {
    name: "TextEncoder/Decoder 30 MB",
    source: `const s = "abc\\u00e9".repeat(7.5e6);
const u = new TextEncoder().encode(s);
console.log(u.length, new TextDecoder().decode(u).length);`,
  },
  {
    name: "Buffer 30 MB",
    source: `const s = "abc".repeat(1e7);
const b = Buffer.from(s);
console.log(b.length, b.toString("base64").length, b.toString("hex").length, Buffer.concat([b, b]).length, b.indexOf("z"));`,
  },
  {
    name: "Buffer from/to hex, latin1, base64 30 MB",
    source: `const s = "6162".repeat(7.5e6), l = "abc".repeat(1e7), t = "YWJj".repeat(1e7);
const b = Buffer.from(s, "hex"), c = Buffer.from(l, "latin1"), d = Buffer.from(t, "base64");
console.log(b.length, c.length, d.length, c.toString("latin1").length, c.toString("ucs2").length);`,
  },
  {
    name: "typedarray copyWithin/set in one buffer 2e8",
    source: `const b = new Uint8Array(2e8); b[3] = 1;
b.copyWithin(1, 0, 1.9e8); b.set(b.subarray(0, 1.9e8), 5);
console.log(b[4], b[9]);`,
  },
  {
    name: "new Array(1e8).fill",
    source: `const a = new Array(1e8).fill(0);
console.log(a.length);`,
  },
  {
    name: "new Array(1e7).fill (sparse table)",
    source: `const a = new Array(1e7).fill(0);
console.log(a.length, a[9999999]);`,
  },
  {
    name: "object with 2e6 properties",
    source: `const o = {};
for (let i = 0; i < 2e6; i++) o["k" + i] = i;
console.log(o.k1999999);`,
  },
  {
    name: "split table tidy 1e6",
    source: `const o = {};
for (let i = 0; i < 1e6; i++) o["k" + i] = i;
for (let i = 0; i < 1e6; i++) if (i % 16) delete o["k" + i];
for (let i = 0; i < 1000; i++) o["x" + i] = i;
console.log(Object.keys(o).length);`,
  },
  {
    name: "makeSparse 2e6",
    source: `const a = [];
for (let i = 0; i < 2e6; i++) a.push(i);
a[9e6] = 1;
console.log(a.length, a[5]);`,
  },
  {
    name: "rope s += s 2e8 + indexOf",
    source: `let s = "ab";
for (let i = 0; i < 26; i++) s += s + "c";
console.log(s.length, s.indexOf("x"));`,
  },
  {
    name: "regexp exec 100 MB simple",
    source: `const s = "a".repeat(1e8) + "b";
console.log(/b/.exec(s).index, /a*b/.test(s), /[^a]/.test(s));`,
  },

  // One-liners a user can write (limits10).
  {
    name: "new Map(entries) 1e6",
    source: `const a = Array.from({ length: 1e6 }, (_, i) => [i, i]);
console.log(new Map(a).size);`,
  },
  {
    name: "new Set(arr) 1e6 strings",
    source: `const a = Array.from({ length: 1e6 }, (_, i) => "k" + i);
console.log(new Set(a).size);`,
  },
  {
    name: "map.set loop 1e6",
    source: `const m = new Map();
for (let i = 0; i < 1e6; i++) m.set(i, i);
console.log(m.size, m.get(777777));`,
  },
  {
    name: "set.add loop 1e6 objects",
    source: `const s = new Set();
for (let i = 0; i < 1e6; i++) s.add({ i });
console.log(s.size);`,
  },
  {
    name: "structuredClone graph 2e5",
    source: `const nodes = Array.from({ length: 2e5 }, (_, i) => ({ i, name: "n" + i, edges: [] }));
for (let i = 0; i < nodes.length; i++) nodes[i].edges.push(nodes[(i * 7) % 1000], nodes[(i + 1) % 1000]);
const m = new Map(nodes.slice(0, 1e5).map((n) => [n.name, n]));
const c = structuredClone({ nodes, m });
console.log(c.nodes.length, c.m.size, c.nodes[3].edges[1] === c.nodes[4]);`,
  },
  {
    name: "Array.from iterable 1e6",
    source: `const s = new Set(Array.from({ length: 1e6 }, (_, i) => i));
function* g() { for (let i = 0; i < 1e6; i++) yield i; }
console.log(Array.from(s).length, Array.from(s.values(), (x) => x * 2).length, Array.from(g()).length, [...s].length);`,
  },
  {
    name: "sort comparator 1e6",
    source: `const a = Array.from({ length: 1e6 }, (_, i) => (i * 7919) % 1000003);
a.sort((x, y) => x - y);
console.log(a[0], a[a.length - 1]);`,
  },
  {
    name: "Object.entries/values 1e6",
    source: `const o = {};
for (let i = 0; i < 1e6; i++) o["k" + i] = i;
console.log(Object.entries(o).length, Object.values(o).length, Object.fromEntries(Object.entries(o)).k5);`,
  },
  {
    name: "JSON.stringify deep 1e3 + big 1e6",
    source: `let d = {};
for (let i = 0; i < 1e3; i++) d = { d };
const big = { a: Array.from({ length: 1e6 }, (_, i) => i), s: "x".repeat(1e7) };
console.log(JSON.stringify(d).length, JSON.stringify(big).length, JSON.stringify(big, null, 2).length);`,
  },
  {
    name: "split('') 1e7",
    source: `const s = "abcdefghij".repeat(1e6);
console.log(s.split("").length, [...s.slice(0, 2e6)].length, Array.from(s.slice(0, 2e6)).length);`,
  },
  {
    name: "Buffer.concat 1e5 pieces",
    source: `const parts = Array.from({ length: 1e5 }, (_, i) => Buffer.alloc(1000, i & 255));
console.log(Buffer.concat(parts).length, Buffer.concat(parts, 5e7).length);`,
  },
  {
    name: "TextDecoder.decode 100 MB",
    source: `const u = new Uint8Array(1e8).fill(97);
console.log(new TextDecoder().decode(u).length, new TextDecoder("latin1").decode(u.subarray(0, 3e7)).length);`,
  },
  {
    name: "BigInt toString 2^24 bits hex/dec",
    source: `const x = (1n << 16777216n) - 12345n;
console.log(x.toString(16).length, x.toString(2).length, x.toString(36).length);`,
  },

  // Probes for big arrays, spreads and collections (limits13).
  {
    name: "new Array(1e7) / Array.from length 1e7",
    source: `const a = new Array(1e7), b = Array.from({ length: 1e7 });
console.log(a.length, b.length, b[5]);`,
  },
  {
    name: "Array(1e7).fill(0) / Array(1e6).fill(0)",
    source: `const a = Array(1e7).fill(0), b = Array(1e6).fill(0);
console.log(a.length, a[9999999], b.length);`,
  },
  {
    name: "array slice/concat/splice 1e7",
    source: `const a = []; for (let i = 0; i < 1e7; i++) a.push(i);
const b = a.slice(), c = a.concat(b), d = a.splice(1, 5e6);
console.log(b.length, c.length, d.length, a.length);`,
  },
  {
    name: "array sort default/comparator 1e6 numbers",
    source: `const a = Array.from({ length: 1e6 }, (_, i) => (i * 7919) % 1000003);
const b = a.slice(); a.sort(); b.sort((x, y) => x - y);
console.log(a[0], a[a.length - 1], b[0], b[b.length - 1]);`,
  },
  {
    name: "array flat/reverse/indexOf 1e7",
    source: `const a = []; for (let i = 0; i < 1e7; i++) a.push(i);
a.reverse();
console.log(a.indexOf(-1), a.lastIndexOf(-1), a[0], [a.slice(0, 5e6), a.slice(5e6)].flat().length);`,
  },
  {
    name: "spread [...a] / f(...a) / fromCharCode(...a) 1e6",
    source: `const a = new Array(1e6).fill(65);
const f = (...r) => r.length;
console.log([...a].length, f(...a), String.fromCharCode(...a).length, Math.max(...a));`,
  },
  {
    name: "JSON.stringify array 1e6 numbers",
    source: `const a = Array.from({ length: 1e6 }, (_, i) => i);
console.log(JSON.stringify(a).length);`,
  },
  {
    name: "new Map(map) / new Set(set) 1e6",
    source: `const m = new Map(); for (let i = 0; i < 1e6; i++) m.set(i, i);
const s = new Set(m.keys());
console.log(new Map(m).size, new Set(s).size, [...m.keys()].length);`,
  },
  {
    name: "Map/Set compaction after mass delete 5e5",
    source: `const m = new Map(), s = new Set();
for (let i = 0; i < 5e5; i++) { m.set(i, i); s.add("k" + i); }
for (let i = 0; i < 4e5; i++) { m.delete(i); s.delete("k" + i); }
console.log(m.size, s.size, m.get(499999));`,
  },
];

interface Row {
  name: string;
  worstMs: number;
  /** The 99th percentile of slice wall times. */
  p99Ms: number;
  /** The most CPU time (the process's user + system) one slice took. */
  worstCpuMs: number;
  totalMs: number;
  slices: number;
  status: string;
  output: string;
}

function runCase(Jaunt: typeof import("../vm").Jaunt, c: Case, budget: number, capMs: number): Row {
  let output = "";
  const vm = Jaunt.create({ stdout: (s) => (output += s), stderr: (s) => (output += s) });
  vm.load(c.source, "/bench/" + c.name.replace(/\W+/g, "-") + ".js");
  let worst = 0;
  let worstCpu = 0;
  const times: number[] = [];
  let slices = 0;
  let status = "";
  const start = process.hrtime.bigint();
  for (;;) {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const r = vm.run(budget);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    slices++;
    times.push(ms);
    if (ms > worst) worst = ms;
    if (cpuMs > worstCpu) worstCpu = cpuMs;
    status = r.status;
    if (r.status !== "paused") break;
    if (Number(process.hrtime.bigint() - start) / 1e6 > capMs) {
      status = "capped";
      break;
    }
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  times.sort((a, b) => a - b);
  const p99Ms = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))];
  return {
    name: c.name,
    worstMs: worst,
    p99Ms,
    worstCpuMs: worstCpu,
    totalMs,
    slices,
    status,
    output: output.trim(),
  };
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dist = path.resolve(opt("--dist") ?? path.join(__dirname, ".."));
  const only = opt("--only");
  const capMs = Number(opt("--cap") ?? 60) * 1000;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jaunt } = require(path.join(dist, "vm", "index.js")) as typeof import("../vm");
  console.log(`build: ${dist}; run(1000) slices`);
  console.log(
    "case".padEnd(30) +
      "worst ms".padStart(10) +
      "p99 ms".padStart(9) +
      "worst cpu ms".padStart(14) +
      "total ms".padStart(10) +
      "slices".padStart(9),
  );
  for (const c of CASES) {
    if (only && !only.split(",").some((o) => c.name.includes(o))) continue;
    const r = runCase(Jaunt, c, 1000, capMs);
    console.log(
      r.name.padEnd(30) +
        r.worstMs.toFixed(1).padStart(10) +
        r.p99Ms.toFixed(1).padStart(9) +
        r.worstCpuMs.toFixed(1).padStart(14) +
        r.totalMs.toFixed(0).padStart(10) +
        String(r.slices).padStart(9) +
        `  ${r.status}: ${r.output.slice(0, 60).replace(/\n/g, " | ")}`,
    );
  }
}

if (require.main === module) main();
