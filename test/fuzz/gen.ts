// Grammar-based generator of deterministic, well-defined JavaScript programs for the
// differential fuzzer. A program is a fixed prelude (a deterministic printer `show`,
// `log`, `err`, `attempt`) followed by independent top-level snippets, each wrapped
// in its own try/catch so that one throwing snippet does not hide the others (and so
// that the reducer can delete snippets one by one).
//
// Everything generated must print the same under node and under a correct engine:
// - no Math.random, Date.now or local-time Date methods, locale-dependent methods, Function.prototype.toString;
// - loops have private counters with fixed bounds, recursion has a fixed depth;
// - sort comparators are consistent; BigInt `**` and shifts get small literal right
//   operands (no huge allocations);
// - timers are all created synchronously by one snippet, with delays that are equal
//   (ordered by creation) or 60 ms apart (node starts each timer from the real clock
//   at its creation, so closer delays race under load), and only the last-due timer
//   creates a further timer; setImmediate is never used (its
//   order against setTimeout(0) is not defined in node's main module);
// - every promise chain ends in a catch, so no unhandled rejection (except the rare
//   deliberate uncaught error at the very end of a program).
// Areas other work owns (see test/fuzz/README.md) are left out: console.log of
// objects or promises (the printer is our own), structuredClone, with(), apply with
// array-likes, huge strings.

import { Rng } from "./random";
import {
  snippetAsyncGenerators,
  snippetBindings,
  snippetDates,
  snippetFunctions,
  snippetIteratorClose,
  snippetTagged,
  snippetTyped,
} from "./gen-extra";

export const PRELUDE = `function show(v, d, seen) {
  d = d || 0;
  seen = seen || [];
  switch (typeof v) {
    case "number": return Object.is(v, -0) ? "-0" : String(v);
    case "string": return JSON.stringify(v);
    case "bigint": return v + "n";
    case "symbol": return v.toString();
    case "undefined": return "undefined";
    case "boolean": return String(v);
    case "function": return "[fn " + (typeof v.name === "string" ? v.name : "?") + "]";
  }
  if (v === null) return "null";
  if (seen.indexOf(v) >= 0) return "[cycle]";
  if (d > 3) return "[deep]";
  seen = seen.concat([v]);
  try {
    if (Array.isArray(v)) {
      const parts = [];
      for (let i = 0; i < v.length && i < 20; i++) parts.push(i in v ? show(v[i], d + 1, seen) : "<hole>");
      return "[" + parts.join(",") + "]";
    }
    if (v instanceof Map) return "Map{" + Array.from(v, ([k, x]) => show(k, d + 1, seen) + "=>" + show(x, d + 1, seen)).join(",") + "}";
    if (v instanceof Set) return "Set{" + Array.from(v, (x) => show(x, d + 1, seen)).join(",") + "}";
    if (v instanceof Error) return "Err(" + v.name + ": " + v.message + ")";
    if (v instanceof RegExp) return "/" + v.source + "/" + v.flags;
    if (v instanceof Promise) return "[Promise]";
    const keys = Object.keys(v);
    return "{" + keys.map((k) => k + ":" + show(v[k], d + 1, seen)).join(",") + "}";
  } catch (e) {
    return "[show threw " + err(e) + "]";
  }
}
function log(...xs) {
  console.log(xs.map((x) => show(x)).join(" "));
}
function err(e) {
  if (e instanceof Error) return e.name + ": " + e.message;
  return "thrown " + show(e);
}
function attempt(label, f) {
  try {
    log(label, f());
  } catch (e) {
    log(label, "!", err(e));
  }
}
`;

const NUMBERS = [
  "0",
  "-0",
  "1",
  "-1",
  "2",
  "3.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "2 ** 53",
  "0.1",
  "1e21",
  "255",
  "-7",
  "0x10",
  "1.5e-7",
];
const STRINGS = [
  '""',
  '"a"',
  '"abc"',
  '"10"',
  '" 3 "',
  '"-0"',
  '"1e3"',
  '"x y"',
  '"\\u00e9t\\u00e9"',
  '"NaN"',
  '"true"',
  '"0x1f"',
  '"12px"',
];
const BIGINTS = ["0n", "1n", "-5n", "10n", "2n ** 64n", "-(2n ** 63n)", "7n"];
const OTHERS = ["true", "false", "null", "undefined"];
const OBJECTS = [
  "{}",
  "{ a: 1 }",
  "{ a: 1, b: 'two', 3: [4] }",
  "[]",
  "[1, 2]",
  "[null]",
  "[1, [2, 3]]",
  "[, 5]",
  "new Number(5)",
  "new String('ab')",
  "new Boolean(false)",
  "Object(3n)",
  "{ valueOf() { log('valueOf'); return 3; } }",
  "{ toString() { log('toString'); return 's7'; } }",
  "{ valueOf() { return {}; }, toString() { return '7'; } }",
  "{ [Symbol.toPrimitive](h) { log('hint', h); return h === 'number' ? 42 : h === 'string' ? 'str' : 'dflt'; } }",
  "{ valueOf() { throw new RangeError('from valueOf'); } }",
  "{ toString: null, valueOf: null }",
  "{ valueOf() { return 2n; } }",
  "new Map([[1, 'one']])",
  "new Set(['s'])",
  "Symbol('q')",
  "Symbol.iterator",
  "(function namedFn() { return 1; })",
  "(() => 2)",
  "(class K {})",
  "/ab+c/gi",
];

const BINOPS = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "==",
  "!=",
  "===",
  "!==",
  "<",
  ">",
  "<=",
  ">=",
  "&",
  "|",
  "^",
  "&&",
  "||",
  "??",
  ",",
];
const SMALL_RIGHT = [
  "0",
  "1",
  "2",
  "3",
  "-1",
  "0.5",
  "31",
  "33",
  "0n",
  "1n",
  "2n",
  "3n",
  "'2'",
  "null",
  "true",
  "-1n",
];
const UNOPS = ["-", "+", "!", "~", "typeof ", "void "];
const CALLS = [
  "String",
  "Number",
  "Boolean",
  "BigInt",
  "parseInt",
  "parseFloat",
  "Math.abs",
  "Math.floor",
  "Math.sign",
  "Math.trunc",
  "Math.round",
  "Math.ceil",
  "Math.fround",
  "Math.clz32",
  "isNaN",
  "isFinite",
  "Number.isInteger",
  "Number.isSafeInteger",
  "Array.isArray",
  "JSON.stringify",
  "Object.keys",
  "Object.entries",
  "Array.from",
  "Object.getPrototypeOf",
];
const CALLS2 = [
  "Math.max",
  "Math.min",
  "Math.pow",
  "Math.atan2",
  "Math.hypot",
  "Math.imul",
  "Object.is",
  "parseInt",
  "Reflect.has",
  "Object.hasOwn",
  "Array.of",
];

export interface GenOptions {
  /** Leave out snippet kinds by name (for areas a known bug makes noisy). */
  exclude?: string[];
}

export class Gen {
  private n = 0;
  private timersUsed = false;
  constructor(
    readonly r: Rng,
    readonly opts: GenOptions = {},
  ) {}

  fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  /** Between lo and hi `attempt` lines, labelled `label:i`, each calling a use picked at random. */
  attempts(label: string, uses: string[], lo: number, hi: number): string[] {
    const out: string[] = [];
    for (let i = 0, k = this.r.range(lo, hi); i < k; i++)
      out.push(`attempt("${label}:${i}", () => ${this.r.pick(uses)});`);
    return out;
  }

  // ---------- expressions ----------

  atom(vars: string[]): string {
    const r = this.r;
    return r.weighted<() => string>([
      [4, () => r.pick(NUMBERS)],
      [3, () => r.pick(STRINGS)],
      [2, () => r.pick(BIGINTS)],
      [2, () => r.pick(OTHERS)],
      [3, () => `(${r.pick(OBJECTS)})`],
      [vars.length ? 6 : 0, () => r.pick(vars)],
    ])();
  }

  expr(d: number, vars: string[]): string {
    const r = this.r;
    if (d <= 0 || r.chance(0.25)) return this.atom(vars);
    const e = () => this.expr(d - 1, vars);
    return r.weighted<() => string>([
      [10, () => `(${e()}) ${r.pick(BINOPS)} (${e()})`],
      [2, () => `(${e()}) ** (${r.pick(SMALL_RIGHT)})`],
      [2, () => `(${e()}) ${r.pick(["<<", ">>", ">>>"])} (${r.pick(SMALL_RIGHT)})`],
      [4, () => `${r.pick(UNOPS)}(${e()})`],
      [2, () => `(${e()}) ? (${e()}) : (${e()})`],
      [4, () => `${r.pick(CALLS)}(${e()})`],
      [2, () => `${r.pick(CALLS2)}(${e()}, ${e()})`],
      [2, () => `\`<\${${e()}}|\${${e()}}>\``],
      [2, () => `(${e()}) in (${e()})`],
      [
        2,
        () =>
          `(${e()}) instanceof (${r.pick(["Object", "Array", "Number", "Error", "Function", "Map", e()])})`,
      ],
      [
        2,
        () =>
          `(${e()})?.${r.pick(["length", "a", "size", "description", "constructor?.name", "x?.y"])}`,
      ],
      [2, () => `(${e()})?.[${e()}]`],
      [
        2,
        () => `(${e()})${r.pick(["?.toString?.()", ".toString()", "?.valueOf()", "?.at?.(-1)"])}`,
      ],
      [1, () => `[...(${r.pick(["'ab'", "[1, 2]", "new Set([3])", "new Map([[4, 5]])", e()])})]`],
      [1, () => `({ ...(${e()}), k: ${e()} })`],
      [1, () => `[${e()}, ${e()}]`],
      [
        vars.length ? 3 : 0,
        () =>
          `${r.pick(vars)} ${r.pick(["=", "+=", "-=", "*=", "||=", "&&=", "??=", "|=", "%="])} (${e()})`,
      ],
      [vars.length ? 2 : 0, () => r.pick(["++", "--"]) + r.pick(vars)],
      [vars.length ? 2 : 0, () => r.pick(vars) + r.pick(["++", "--"])],
      [
        1,
        () =>
          `Number(${e()}).${r.pick(["toFixed(2)", "toString(16)", "toPrecision(3)", "toExponential(1)", "toString(2)"])}`,
      ],
      [
        2,
        () =>
          `String(${e()}).${r.pick([
            "padStart(6, '*')",
            "slice(-2)",
            "split('')",
            "toUpperCase()",
            "trim()",
            "charCodeAt(0)",
            "codePointAt(1)",
            "indexOf('a')",
            "repeat(2)",
            "at(-1)",
            "startsWith('1')",
            "replace(/[aeiou]/g, '_')",
            "concat('!', 1)",
            "substring(3, 1)",
          ])}`,
      ],
      [1, () => `delete (${e()})${r.pick([".a", "[0]", ".length"])}`],
    ])();
  }

  // ---------- snippets ----------

  snippetExpressions(): string {
    const r = this.r;
    const vars = ["a", "b", "c"];
    const lines = [`let a = ${this.atom([])}, b = ${this.atom([])}, c = ${this.atom([])};`];
    const k = r.range(3, 8);
    for (let i = 0; i < k; i++)
      lines.push(`attempt(${JSON.stringify("x" + i)}, () => ${this.expr(r.range(1, 4), vars)});`);
    lines.push(`log(a, b, c);`);
    return lines.join("\n");
  }

  snippetCoercion(): string {
    const r = this.r;
    const o = this.fresh("co");
    const defs = [
      `{ valueOf() { log("${o}.valueOf"); return ${r.pick(["7", "-0", "'5'", "NaN", "1n", "null", "true"])}; }, toString() { log("${o}.toString"); return ${r.pick(["'ts'", "'12'", "8", "{}"])}; } }`,
      `{ [Symbol.toPrimitive](hint) { log("${o}.toPrimitive", hint); return ${r.pick(["hint === 'number' ? 3 : 'p'", "hint", "{}", "10n", "Symbol('z')"])}; } }`,
      `{ toString() { log("${o}.toString"); return ${r.pick(["'abc'", "'0'", "{}"])}; } }`,
      `Object.assign(Object.create({ valueOf() { return 11; } }), { own: 1 })`,
      `[${r.pick(["", "1", "'a', 'b'", "[2]"])}]`,
    ];
    const lines = [`const ${o} = ${r.pick(defs)};`];
    const uses = [
      `+${o}`,
      `${o} + ""`,
      `${o} + 1`,
      `\`\${${o}}\``,
      `String(${o})`,
      `${o} == 7`,
      `${o} == "ts"`,
      `${o} < 5`,
      `${o} * 2`,
      `[${o}].join()`,
      `${o} + 1n`,
      `Number(${o})`,
      `${o} === ${o}`,
      `isNaN(${o})`,
      `Math.max(${o}, 1)`,
      `({ [${o}]: 1 })`,
      `"abc"[${o}]`,
      `${o} | 0`,
      `-${o}`,
      `${o} ?? "n"`,
      `!${o}`,
      `JSON.stringify({ v: ${o} })`,
    ];
    lines.push(...this.attempts(o, uses, 3, 7));
    return lines.join("\n");
  }

  snippetDestructuring(): string {
    const r = this.r;
    const sources = [
      "[1, 2, 3]",
      "[undefined, null, 0]",
      "'xyz'",
      "{ a: 1, b: { c: [5, 6] }, d: undefined }",
      "new Map([[1, 2], [3, 4]])",
      "(function* () { log('gen start'); yield 1; yield 2; log('gen mid'); yield 3; })()",
      "[[1, [2]], { k: 'v' }]",
      "null",
      "{ length: 2, 0: 'a', 1: 'b' }",
      "new Set([9, 8])",
      "[, , 7]",
    ];
    const patterns = [
      "[p, q]",
      "[p, , q = 'dq']",
      "[p = (log('default p'), 1), ...q]",
      "{ a: p, b: { c: [q] } = { c: ['dflt'] } }",
      "{ a: p = 'da', ...q }",
      "[[p, [q] = [0]] = [], { k: r } = {}]",
      "{ length: p, 0: q }",
      "[p, [q] = 'z']",
      "{ [`${'a'}`]: p, d: q = 'd-default' }",
      "[p] ",
    ];
    const lines: string[] = [];
    const k = r.range(2, 5);
    for (let i = 0; i < k; i++) {
      const pat = r.pick(patterns);
      const src = r.pick(sources);
      const form = r.int(3);
      if (form === 0)
        lines.push(
          `try { let p, q, r; (${pat.startsWith("{") ? `(${pat} = ${src})` : `${pat} = ${src}`}); log("d${i}", p, q, r); } catch (e) { log("d${i}", err(e)); }`,
        );
      else if (form === 1) lines.push(`attempt("d${i}", () => ((${pat}) => [p, q])(${src}));`);
      else
        lines.push(
          `try { for (const ${pat} of [${src}, ${r.pick(sources)}]) log("d${i}", p, q); } catch (e) { log("d${i}", err(e)); }`,
        );
    }
    // the r binding only exists in some patterns: declare it around the for form too
    return `let r;\n` + lines.join("\n");
  }

  snippetSpread(): string {
    const r = this.r;
    const its = [
      "[1, 2]",
      "'hé'",
      "new Set([1, 1, 2])",
      "new Map([['k', 1]])",
      "{ *[Symbol.iterator]() { yield 'i1'; yield 'i2'; } }",
      "[, 'hole']",
      "null",
      "{ a: 1 }",
      "{ length: 1, 0: 'x' }",
      "'abc'.matchAll(/b/g)",
      "[1, 2].entries()",
    ];
    const lines = [`function fsp(...args) { return args.length + ":" + show(args); }`];
    const k = r.range(2, 5);
    for (let i = 0; i < k; i++) {
      const a = r.pick(its);
      const b = r.pick(its);
      lines.push(
        r.pick([
          `attempt("s${i}", () => [...${a}, ...${b}]);`,
          `attempt("s${i}", () => fsp(0, ...${a}, ...${b}));`,
          `attempt("s${i}", () => ({ ...${a}, ...${b}, z: 1 }));`,
          `attempt("s${i}", () => Math.max(...${a}));`,
          `attempt("s${i}", () => new Array(...${a}));`,
          `attempt("s${i}", () => Array.from(${a}, (x, j) => [j, x]));`,
        ]),
      );
    }
    return lines.join("\n");
  }

  snippetClosures(): string {
    const r = this.r;
    const lines = [
      `function counter(start) { let n = start; return { inc: () => ++n, dec() { return --n; }, get value() { return n; } }; }`,
      `const cA = counter(${r.pick(["0", "10", "-1", "0.5"])}), cB = counter(${r.pick(["0", "'1'", "1n"])});`,
    ];
    const k = r.range(2, 6);
    for (let i = 0; i < k; i++)
      lines.push(
        r.pick([
          `attempt("c${i}", () => cA.inc());`,
          `attempt("c${i}", () => cB.inc());`,
          `attempt("c${i}", () => [cA.dec(), cB.value]);`,
        ]),
      );
    const decl = r.pick(["let", "var"]);
    lines.push(`const fs${this.n} = [];`);
    lines.push(`for (${decl} i = 0; i < 3; i++) fs${this.n}.push(() => i);`);
    lines.push(`log(fs${this.n}.map((f) => f()));`);
    lines.push(
      `log((function outer(x) { function inner(y) { return x + y; } x = ${r.pick(["2", "'s'", "[1]"])}; return inner(${r.pick(["1", "'t'", "null"])}); })(0));`,
    );
    lines.push(
      `const once = (f) => { let done = false, v; return (...a) => done ? v : (done = true, v = f(...a)); };`,
    );
    lines.push(
      `const o1 = once((x) => (log("computing", x), x * 2)); log(o1(${r.pick(["3", "'4'", "2n"])}), o1(100));`,
    );
    return lines.join("\n");
  }

  snippetClasses(): string {
    const r = this.r;
    const A = this.fresh("A");
    const B = this.fresh("B");
    const base = r.pick(["", ` extends ${r.pick(["Array", "Error", "Map", "Object"])}`]);
    const lines = [
      `class ${A}${base} {`,
      `  #secret = ${r.pick(["1", "'s'", "[2]", "null"])};`,
      `  static count = 0;`,
      `  pub = ${r.pick(["'p'", "this.constructor.name", "typeof this"])};`,
      `  static { ${A}.count = ${r.pick(["10", "100"])}; }`,
      `  constructor(x) { ${base ? "super(); " : ""}this.x = x; ${A}.count++; }`,
      `  get sec() { return this.#secret; }`,
      `  set sec(v) { log("${A}.set", v); this.#secret = v; }`,
      `  #priv() { return "priv:" + this.x; }`,
      `  callPriv() { return this.#priv(); }`,
      `  static has(o) { return #secret in o; }`,
      `  describe() { return "${A}(" + show(this.x) + ")"; }`,
      `  static make(v) { return new this(v); }`,
      `  toString() { return "${A}#" + this.x; }`,
      `}`,
      `class ${B} extends ${A} {`,
      `  ${r.pick(["#b = 'b';", "static sb = 'static b';", "y = this.x;"])}`,
      `  constructor(x, y) { ${r.pick(["super(x);", "super(x); super.describe;", "log('before super'); super(x);", "if (y) super(x); else super(-1);"])} this.y = y; }`,
      `  describe() { return "${B}<" + super.describe() + ">"; }`,
      `  get sec() { return "B:" + super.sec; }`,
      `  static make(v) { return super.make(v + 1); }`,
      `}`,
    ];
    const uses = [
      `new ${A}(1).describe()`,
      `new ${B}(2, 3).describe()`,
      `new ${B}(2).sec`,
      `(() => { const o = new ${B}(5); o.sec = 9; return [o.sec, o.callPriv()]; })()`,
      `${A}.has(new ${B}(1))`,
      `${A}.has({})`,
      `${B}.make(1).describe()`,
      `${A}.count`,
      `new ${B}(1) instanceof ${A}`,
      `Object.getPrototypeOf(${B}) === ${A}`,
      `String(new ${B}(7))`,
      `${A}(1)`,
      `${A}.prototype.callPriv.call({})`,
      `Object.keys(new ${B}(1, 2))`,
      `new ${B}(4).pub`,
      `typeof ${B}`,
      `${B}.sb`,
      `\`\${new ${A}('t')}\``,
      `Object.getOwnPropertyNames(${A}.prototype)`,
    ];
    const k = r.range(3, 7);
    for (let i = 0; i < k; i++) lines.push(`attempt("k${i}", () => ${r.pick(uses)});`);
    if (r.chance(0.3))
      lines.push(
        `attempt("k-this", () => { class D extends ${A} { constructor() { ${r.pick(["this.z = 1; super(0);", "return {};", "return 1;", ""])} } } return show(new D()); });`,
      );
    return lines.join("\n");
  }

  snippetGenerators(): string {
    const r = this.r;
    const g = this.fresh("gen");
    const body: string[] = [];
    const k = r.range(2, 5);
    for (let i = 0; i < k; i++)
      body.push(
        r.pick([
          `yield ${i};`,
          `log("${g} got", yield "${g}-${i}");`,
          `yield* [${i}, "${i}b"];`,
          `yield* inner${g}();`,
          `if (${i} === ${r.int(4)}) return "early${i}";`,
        ]),
      );
    const lines = [
      `function* inner${g}() { try { yield "in1"; yield "in2"; } finally { log("inner finally"); } return "innerDone"; }`,
      `function* ${g}(x) {`,
      `  try {`,
      ...body.map((s) => "    " + s),
      `  } ${r.pick(["catch (e) { log('caught in gen', err(e)); yield 'after-catch'; }", "finally { log('gen finally'); }", "catch (e) { return 'ret-from-catch'; } finally { log('gen finally 2'); }"])}`,
      `  return "end";`,
      `}`,
      `const it${g} = ${g}(1);`,
    ];
    const ops = r.range(2, 7);
    for (let i = 0; i < ops; i++)
      lines.push(
        r.pick([
          `attempt("${g}.next", () => it${g}.next(${r.pick(["", "'v'", "42"])}));`,
          `attempt("${g}.next", () => it${g}.next());`,
          `attempt("${g}.return", () => it${g}.return(${r.pick(["'r'", ""])}));`,
          `attempt("${g}.throw", () => it${g}.throw(new TypeError("t${i}")));`,
        ]),
      );
    lines.push(`log([...${g}(2)]);`);
    lines.push(
      `for (const v of ${g}(3)) { log("for-of", v); if (v === ${r.pick(["1", "'in1'", "2"])}) ${r.pick(["break", "continue"])}; }`,
    );
    lines.push(`attempt("${g}.spread", () => Array.from(${g}(4), (v) => typeof v));`);
    return lines.join("\n");
  }

  /** An async snippet: microtasks only (timers belong to snippetTimers). */
  snippetAsync(): string {
    const r = this.r;
    const f = this.fresh("as");
    const awaited = [
      "1",
      "Promise.resolve('pr')",
      "Promise.reject(new Error('rej'))",
      "{ then(res) { log('thenable'); res('th'); } }",
      "new Promise((res) => { log('executor'); res('ex'); })",
      "null",
      "(async () => 'inner')()",
      "Promise.all([1, Promise.resolve(2)])",
      "Promise.allSettled([Promise.reject(new RangeError('x')), 3])",
      "Promise.race([Promise.resolve('r1'), 'r2'])",
      "Promise.any([Promise.reject(1), Promise.resolve('any')])",
      "Promise.any([Promise.reject(1)])",
    ];
    const steps: string[] = [];
    const k = r.range(2, 5);
    for (let i = 0; i < k; i++)
      steps.push(
        r.pick([
          `log("${f}", ${i}, await ${r.pick(awaited)});`,
          `try { log("${f} try", await ${r.pick(awaited)}); } catch (e) { log("${f} caught", err(e)); } finally { log("${f} finally ${i}"); }`,
          `for (let i = 0; i < 2; i++) log("${f} loop", i, await i);`,
          `if (x === ${i}) return "${f}-early";`,
          `if (x === ${i}) throw new Error("${f}-throw");`,
        ]),
      );
    const lines = [
      `async function ${f}(x) {`,
      `  log("${f} start", x);`,
      ...steps.map((s) => "  " + s),
      `  return "${f}-done";`,
      `}`,
      `log("${f} sync before");`,
      `${f}(${r.int(4)}).then((v) => log("${f} resolved", v), (e) => log("${f} rejected", err(e)));`,
      `Promise.resolve().then(() => log("${f} tick 1")).then(() => log("${f} tick 2")).then(() => log("${f} tick 3"));`,
    ];
    if (r.chance(0.5)) lines.push(`queueMicrotask(() => log("${f} microtask"));`);
    if (r.chance(0.3)) lines.push(`process.nextTick(() => log("${f} nextTick"));`);
    if (r.chance(0.5))
      lines.push(
        `Promise.reject(new TypeError("${f} chain")).finally(() => log("${f} finally cb")).catch((e) => { log("${f} chain caught", err(e)); return "recovered"; }).then((v) => log("${f} after", v));`,
      );
    if (r.chance(0.4))
      lines.push(
        `(async () => { try { await Promise.reject(new SyntaxError("${f} aw")); } catch (e) { log("${f} arrow caught", err(e)); } })().catch((e) => log("unexpected", err(e)));`,
      );
    if (r.chance(0.3))
      lines.push(
        `(async function* () { yield 1; yield await Promise.resolve(2); })().next().then((v) => log("${f} asyncgen", v.value, v.done)).catch((e) => log("unexpected", err(e)));`,
      );
    lines.push(`log("${f} sync after");`);
    return lines.join("\n");
  }

  snippetTimers(): string {
    const r = this.r;
    this.timersUsed = true;
    const k = r.range(2, 5);
    // node starts each timer from the real clock at its creation (not the loop's cached
    // time), so delays that differ must differ by far more than a preempted process
    // takes between two setTimeout calls; equal delays order by creation.
    const delays = Array.from({ length: k }, () => r.pick([0, 1, 60, 120]));
    const max = Math.max(...delays);
    const lines: string[] = [];
    // Either one interval (first due after every timer) or nested timers from the
    // last-due timer, never both: their relative order would depend on load.
    const interval = r.chance(0.4);
    const lastMax = delays.lastIndexOf(max);
    delays.forEach((d, i) => {
      const nested =
        !interval && i === lastMax
          ? ` setTimeout(() => { log("nested timer ${i}"); Promise.resolve().then(() => log("nested micro ${i}")); }, ${r.pick([0, 1, 3])});`
          : "";
      lines.push(
        `setTimeout(() => { log("timer ${i} (${d})"); Promise.resolve().then(() => log("micro in timer ${i}"));${nested} }, ${d});`,
      );
    });
    if (interval)
      lines.push(
        `let ivn = 0; const iv = setInterval(() => { log("interval", ++ivn); if (ivn >= 2) clearInterval(iv); }, ${max + 60});`,
      );
    if (r.chance(0.4))
      lines.push(`const cancelled = setTimeout(() => log("never"), 1); clearTimeout(cancelled);`);
    return lines.join("\n");
  }

  /** Control flow: a function with nested loops, labels, switch, try/finally. */
  snippetControl(): string {
    const r = this.r;
    const f = this.fresh("cf");
    const body = this.stmts({ loops: [], inFinally: false, inFunction: true, depth: 0 }, 3);
    return [
      `function ${f}(p) {`,
      `  let x = ${this.atom([])}, y = 0;`,
      body.map((s) => "  " + s).join("\n"),
      `  return [x, y];`,
      `}`,
      `attempt("${f}(0)", () => ${f}(0));`,
      `attempt("${f}(1)", () => ${f}(1));`,
      `attempt("${f}('s')", () => ${f}("s"));`,
    ].join("\n");
  }

  private stmts(ctx: Ctx, depth: number): string[] {
    const r = this.r;
    const out: string[] = [];
    const k = r.range(1, 3);
    for (let i = 0; i < k; i++) out.push(...this.stmt(ctx, depth));
    return out;
  }

  private stmt(ctx: Ctx, depth: number): string[] {
    const r = this.r;
    const vars = ["x", "y", "p"];
    const simple = () => [
      r.pick([
        `log("${this.fresh("s")}", ${this.expr(2, vars)});`,
        `y += ${r.pick(["1", "x", "p", "'z'"])};`,
        `x = ${this.expr(2, vars)};`,
      ]),
    ];
    if (depth <= 0) return simple();
    const inner = (c: Ctx) => this.stmts(c, depth - 1).map((s) => "  " + s);
    const kind = r.weighted<string>([
      [4, "simple"],
      [3, "if"],
      [3, "for"],
      [2, "while"],
      [1, "do"],
      [2, "forof"],
      [1, "forin"],
      [3, "try"],
      [2, "switch"],
      [ctx.loops.length ? 4 : 0, "jump"],
      [ctx.inFunction ? 1 : 0, "return"],
      [1, "throw"],
      [1, "block"],
    ]);
    switch (kind) {
      case "if":
        return [
          `if (${this.expr(1, vars)}) {`,
          ...inner(ctx),
          ...(r.chance(0.5) ? [`} else {`, ...inner(ctx)] : []),
          `}`,
        ];
      case "for": {
        const i = this.fresh("i");
        const label = r.chance(0.4) ? this.fresh("L") : null;
        const c = { ...ctx, loops: [...ctx.loops, label ?? ""] };
        return [
          `${label ? label + ": " : ""}for (let ${i} = 0; ${i} < ${r.range(1, 3)}; ${i}++) {`,
          `  log("${i}", ${i});`,
          ...inner(c),
          `}`,
        ];
      }
      case "while":
      case "do": {
        const w = this.fresh("w");
        const label = r.chance(0.4) ? this.fresh("L") : null;
        const c = { ...ctx, loops: [...ctx.loops, label ?? ""] };
        const head = `${label ? label + ": " : ""}`;
        if (kind === "while")
          return [`let ${w} = 0;`, `${head}while (${w}++ < ${r.range(1, 3)}) {`, ...inner(c), `}`];
        return [
          `let ${w} = 0;`,
          `${head}do {`,
          ...inner(c),
          `} while (${w}++ < ${r.range(0, 2)});`,
        ];
      }
      case "forof": {
        const v = this.fresh("v");
        const label = r.chance(0.3) ? this.fresh("L") : null;
        const c = { ...ctx, loops: [...ctx.loops, label ?? ""] };
        const src = r.pick([
          "[1, 'two', null]",
          "'ab'",
          "new Set([x, y])",
          "(function* () { try { yield 'g1'; yield 'g2'; } finally { log('close'); } })()",
          "[[1, 2], [3, 4]].map(([a, b]) => a + b)",
        ]);
        return [
          `${label ? label + ": " : ""}for (const ${v} of ${src}) {`,
          `  log("${v}", ${v});`,
          ...inner(c),
          `}`,
        ];
      }
      case "forin": {
        const v = this.fresh("k");
        const c = { ...ctx, loops: [...ctx.loops, ""] };
        return [
          `for (const ${v} in ${r.pick(["{ b: 1, a: 2, 1: 3 }", "[7, 8]", "'hi'", "null"])}) {`,
          `  log("${v}", ${v});`,
          ...inner(c),
          `}`,
        ];
      }
      case "try": {
        const parts = [`try {`, ...inner(ctx)];
        const form = r.int(3);
        if (form !== 1)
          parts.push(
            `} catch (${r.pick(["e", "{ message }", "[m]"])}) {`,
            `  log("caught");`,
            ...inner(ctx),
          );
        if (form !== 0)
          parts.push(`} finally {`, `  log("finally");`, ...inner({ ...ctx, inFinally: true }));
        parts.push(`}`);
        return parts;
      }
      case "switch": {
        const c = { ...ctx, loops: [...ctx.loops] };
        const parts = [`switch (${r.pick(["p", "y", "typeof x", "x"])}) {`];
        const n = r.range(1, 3);
        const cases = ["0", "1", "'s'", "'number'", "2", "x"];
        const withDefault = r.int(n + 1);
        for (let i = 0; i < n; i++) {
          if (i === withDefault) parts.push(`  default:`, `    log("default");`);
          parts.push(
            `  case ${r.pick(cases)}:`,
            ...this.stmts(c, depth - 1).map((s) => "    " + s),
          );
          if (r.chance(0.6)) parts.push(`    break;`);
        }
        parts.push(`}`);
        return parts;
      }
      case "jump": {
        const target = r.pick(ctx.loops);
        const j = r.pick(["break", "continue"]);
        return [`if (${this.expr(1, vars)}) ${j}${target ? " " + target : ""};`];
      }
      case "return":
        return [`if (${this.expr(1, vars)}) return ${r.pick(["'ret'", "[x, y]", "x"])};`];
      case "throw":
        return [
          `if (${this.expr(1, vars)}) throw new ${r.pick(["Error", "TypeError", "RangeError"])}("thrown " + y);`,
        ];
      case "block":
        return [`{`, `  let x = ${this.atom([])};`, ...inner(ctx), `  log("block x", x);`, `}`];
      default:
        return simple();
    }
  }

  snippetLabels(): string {
    // A fixed shape with random bounds and jump kinds: labelled nested loops with
    // try/finally and break/continue/return crossing the finally.
    const r = this.r;
    const f = this.fresh("lab");
    const jumps = ["break outer", "continue outer", "break", "continue", "return 'r'"];
    return [
      `function ${f}() {`,
      `  let trace = [];`,
      `  outer: for (let i = 0; i < ${r.range(2, 3)}; i++) {`,
      `    inner: for (let j = 0; j < ${r.range(2, 3)}; j++) {`,
      `      try {`,
      `        if (i === ${r.int(2)} && j === ${r.int(2)}) ${r.pick(jumps)};`,
      `        trace.push(i + "" + j);`,
      `      } finally {`,
      `        trace.push("f" + i + j);`,
      `        ${r.pick(["", "if (i === 1 && j === 0) continue inner;", "if (j === 1) break inner;", "if (i === 2) return trace;"])}`,
      `      }`,
      `    }`,
      `  }`,
      `  return trace;`,
      `}`,
      `log("${f}", ${f}());`,
      `function ${f}b(n) { try { if (n) return "try"; } finally { ${r.pick(["log('fin');", "if (n === 2) return 'finally';", "n++;"])} } return "after"; }`,
      `log(${f}b(0), ${f}b(1), ${f}b(2));`,
    ].join("\n");
  }

  snippetAccessors(): string {
    const r = this.r;
    const o = this.fresh("acc");
    const lines = [
      `const ${o} = { _v: ${r.pick(["1", "'s'", "null"])}, get v() { log("get v"); return this._v; }, set v(x) { log("set v", x); this._v = x; } };`,
      `Object.defineProperty(${o}, "ro", { value: 1, writable: false, enumerable: ${r.pick(["true", "false"])}, configurable: false });`,
      `Object.defineProperty(${o}, "computed", { get() { return this._v + "!"; }, enumerable: true, configurable: true });`,
    ];
    const uses = [
      `${o}.v`,
      `(${o}.v = 5, ${o}._v)`,
      `${o}.v += 1`,
      `(() => { "use strict"; ${o}.ro = 2; })()`,
      `(${o}.ro = 2, ${o}.ro)`,
      `delete ${o}.ro`,
      `(() => { "use strict"; return delete ${o}.ro; })()`,
      `Object.keys(${o})`,
      `Object.getOwnPropertyDescriptor(${o}, "ro")`,
      `JSON.stringify(${o})`,
      `${o}.computed`,
      `Object.entries(Object.freeze({ ...${o} }))`,
      `(() => { "use strict"; const f = Object.freeze({ a: 1 }); f.a = 2; })()`,
      `(() => { "use strict"; const s = Object.seal({ a: 1 }); s.b = 2; })()`,
      `Object.isFrozen(Object.freeze([]))`,
      `"v" in ${o}`,
      `${o}.hasOwnProperty("computed")`,
      `Object.getOwnPropertyNames(${o})`,
    ];
    lines.push(...this.attempts(o, uses, 3, 7));
    return lines.join("\n");
  }

  snippetProxy(): string {
    const r = this.r;
    const p = this.fresh("px");
    const traps = [
      `get(t, k, rc) { log("get", typeof k === "symbol" ? k.toString() : k); return Reflect.get(t, k, rc); }`,
      `set(t, k, v, rc) { log("set", k, v); return Reflect.set(t, k, v, rc); }`,
      `has(t, k) { log("has", k); return k in t; }`,
      `deleteProperty(t, k) { log("delete", k); return Reflect.deleteProperty(t, k); }`,
      `ownKeys(t) { log("ownKeys"); return Reflect.ownKeys(t); }`,
      `getOwnPropertyDescriptor(t, k) { log("gopd", k); return Reflect.getOwnPropertyDescriptor(t, k); }`,
      `defineProperty(t, k, d) { log("define", k); return Reflect.defineProperty(t, k, d); }`,
    ];
    const chosen = traps.filter(() => r.chance(0.5));
    const target = r.pick(["{ a: 1, b: 2 }", "[1, 2, 3]", "{}"]);
    const lines = [`const ${p} = new Proxy(${target}, { ${chosen.join(", ")} });`];
    const uses = [
      `${p}.a`,
      `${p}.b = 5`,
      `"a" in ${p}`,
      `delete ${p}.a`,
      `Object.keys(${p})`,
      `Reflect.ownKeys(${p})`,
      `({ ...${p} })`,
      `JSON.stringify(${p})`,
      `Reflect.has(${p}, "zz")`,
      `Reflect.get(${p}, "length")`,
      `Reflect.apply(Math.max, null, [1, 3, 2])`,
      `Reflect.construct(Array, [3]).length`,
      `Reflect.getPrototypeOf(${p}) === Object.prototype`,
      `Object.defineProperty(${p}, "c", { value: 3 }) === ${p}`,
      `Array.isArray(${p})`,
      `${p}.length`,
      `(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy.x; })()`,
    ];
    lines.push(...this.attempts(p, uses, 3, 7));
    return lines.join("\n");
  }

  snippetCollections(): string {
    const r = this.r;
    const m = this.fresh("m");
    const keys = ["1", "'1'", "NaN", "-0", "0", "null", "undefined", "kobj", "1n", "true"];
    const lines = [`const kobj = { k: 1 };`, `const ${m} = new Map(), ${m}s = new Set();`];
    const k = r.range(4, 9);
    for (let i = 0; i < k; i++) {
      const key = r.pick(keys);
      lines.push(
        r.pick([
          `${m}.set(${key}, ${i});`,
          `${m}s.add(${key});`,
          `log("get", ${m}.get(${key}), ${m}.has(${key}), ${m}s.has(${key}));`,
          `log("delete", ${m}.delete(${key}), ${m}s.delete(${key}));`,
          `${m}.forEach((v, k, mm) => { log("each", k, v); if (v === ${i}) mm.delete(k); });`,
          `log([...${m}.keys()], [...${m}.values()], [...${m}s.entries()], ${m}.size, ${m}s.size);`,
          `log(Object.fromEntries([...${m}].map(([k, v]) => [String(k), v])));`,
        ]),
      );
    }
    lines.push(`log(${m}, ${m}s);`);
    if (r.chance(0.5))
      lines.push(`const wm = new WeakMap([[kobj, 1]]); log(wm.get(kobj), wm.has({}));`);
    return lines.join("\n");
  }

  snippetArrays(): string {
    const r = this.r;
    const a = this.fresh("arr");
    const init = r.pick([
      "[3, 1, 2]",
      "[5, 'a', null, undefined, 0, -0, NaN]",
      "[[1, 2], [3, [4]], 5]",
      "[, 1, , 2]",
      "Array.from({ length: 4 }, (_, i) => i * i)",
      "'hello'.split('')",
      "[10, 9, 1, 100, 25]",
      "[{ n: 2 }, { n: 1 }, { n: 2, t: 1 }]",
    ]);
    const cb = () =>
      r.pick([
        "(x, i) => (log('cb', x, i), x)",
        "(x) => typeof x === 'number'",
        "(x, i) => i % 2",
        "(x) => [x, x]",
        "(x) => x == 1",
      ]);
    const ops = [
      `${a}.map(${cb()})`,
      `${a}.filter(${cb()})`,
      `${a}.find(${cb()})`,
      `${a}.findIndex(${cb()})`,
      `${a}.findLast(${cb()})`,
      `${a}.findLastIndex(${cb()})`,
      `${a}.some(${cb()})`,
      `${a}.every(${cb()})`,
      `${a}.flatMap(${cb()})`,
      `${a}.reduce((acc, x) => acc + show(x), "")`,
      `${a}.reduceRight((acc, x, i) => acc + i, 0)`,
      `${a}.reduce((acc, x) => acc + x)`,
      `[].reduce((acc, x) => acc + x)`,
      `${a}.forEach((x, i, arr) => { if (i === 0) arr.push('added'); log('fe', x); })`,
      `${a}.flat(${r.pick(["", "1", "Infinity"])})`,
      `${a}.slice(${r.pick(["1", "-2", "1, 3", ""])})`,
      `${a}.splice(${r.pick(["1, 1", "0, 2, 'x', 'y'", "-1", "1, 0, 'ins'"])})`,
      `${a}.concat([7], 8, [[9]])`,
      `${a}.join(${r.pick(["", "'-'", "undefined", "null"])})`,
      `${a}.includes(${r.pick(["NaN", "0", "-0", "undefined", "'a'"])})`,
      `${a}.indexOf(${r.pick(["NaN", "0", "undefined", "1"])})`,
      `${a}.lastIndexOf(${r.pick(["2", "undefined"])})`,
      `${a}.at(${r.pick(["-1", "0", "10", "1.7"])})`,
      `${a}.fill(${r.pick(["0", "'f', 1, 2", "null, -1"])})`,
      `${a}.copyWithin(${r.pick(["0, 1", "1, 0, 2", "-1"])})`,
      `${a}.reverse()`,
      `${a}.toReversed()`,
      `${a}.with(${r.pick(["0, 'w'", "-1, 'w'", "9, 'w'"])})`,
      `${a}.toSpliced(1, 1)`,
      `[...${a}.keys()]`,
      `[...${a}.entries()]`,
      `${a}.sort()`,
      `${a}.toSorted()`,
      `${a}.filter((x) => typeof x === 'number' && x === x).sort((p, q) => p - q)`,
      `${a}.map(String).sort((p, q) => (p < q ? 1 : p > q ? -1 : 0))`,
      `${a}.length = ${r.pick(["0", "2", "6"])}`,
      `${a}.push(${r.pick(["1", "1, 2", "...[3, 4]"])})`,
      `${a}.pop()`,
      `${a}.shift()`,
      `${a}.unshift('u')`,
      `Array.prototype.map.call('abc', (c) => c + c)`,
      `Array.from(${a}.entries(), ([i, v]) => i)`,
      `${a}.toString()`,
      `Array.prototype.slice.call({ length: 2, 0: 'x', 1: 'y' })`,
    ];
    const lines = [`const ${a} = ${init};`];
    lines.push(...this.attempts(a, ops, 3, 8));
    lines.push(`log(${a});`);
    return lines.join("\n");
  }

  snippetStrings(): string {
    const r = this.r;
    const s = this.fresh("str");
    const init = r.pick([
      "'Hello, World'",
      "'  padded  '",
      "'a-b_c d'",
      "'ÀéÎ'",
      "'x'.repeat(5)",
      "'😀smile'",
      "''",
      "'1,2,,3'",
    ]);
    const ops = [
      `${s}.split(${r.pick(["','", "''", "/[-_ ]/", "' ', 2", "undefined"])})`,
      `${s}.replace(${r.pick(["'l'", "/l/g", "/(o)(.)/"])}, ${r.pick(["'[$&]'", "'$1$2'", "(m, ...rest) => m.toUpperCase() + rest.length", "'$$'", '"$\'"'])})`,
      `${s}.replaceAll(${r.pick(["'l'", "/o/g", "''"])}, '_')`,
      `${s}.padEnd(${r.pick(["15", "3", "12, 'ab'"])})`,
      `${s}.padStart(14, '-=')`,
      `${s}.slice(${r.pick(["2", "-3", "2, -1", "5, 2"])})`,
      `${s}.substring(${r.pick(["2", "-3", "5, 2", "NaN, 3"])})`,
      `${s}.substr ? ${s}.substr(1, 3) : 0`,
      `${s}.indexOf(${r.pick(["'o'", "''", "'o', 5"])})`,
      `${s}.lastIndexOf('o')`,
      `${s}.includes('World')`,
      `${s}.startsWith('He')`,
      `${s}.endsWith('d')`,
      `${s}.toLowerCase()`,
      `${s}.toUpperCase()`,
      `${s}.trim()`,
      `${s}.trimStart()`,
      `${s}.trimEnd()`,
      `${s}.at(-2)`,
      `${s}.charAt(1)`,
      `${s}.charCodeAt(${r.pick(["0", "99"])})`,
      `${s}.codePointAt(0)`,
      `[...${s}].length`,
      `${s}.length`,
      `${s}.concat(1, null, [2])`,
      `${s}.repeat(${r.pick(["0", "2", "-1"])})`,
      `${s}.match(/[a-z]+/g)`,
      `${s}.search(/o/)`,
      `[...${s}.matchAll(/(?<ch>[lo])/g)].map((m) => m.index + m.groups.ch)`,
      `String.raw\`a\\n\${${s}.length}b\``,
      `String.fromCharCode(72, 105)`,
      `String.fromCodePoint(128512).length`,
      `${s}.isWellFormed ? ${s}.isWellFormed() : "n/a"`,
      `${s} < "Hello"`,
      `${s}[0] + ${s}[100]`,
      `Object.keys(${s}).length`,
    ];
    const lines = [`const ${s} = ${init};`];
    lines.push(...this.attempts(s, ops, 3, 8));
    if (r.chance(0.4))
      lines.push(
        `function tag${s}(strs, ...vals) { return strs.raw.join("|") + "#" + show(vals) + strs.length; }`,
        `log(tag${s}\`a\${1}b\\n\${${s}}c\`);`,
      );
    return lines.join("\n");
  }

  snippetJson(): string {
    const r = this.r;
    const v = r.pick([
      "{ a: [1, 'two', null, true], b: { c: -0, d: undefined, e: () => 1 }, f: NaN }",
      "[new Date(0), /re/g, new Map(), Symbol('s')]",
      "{ toJSON(k) { return 'toJSON:' + k; } }",
      "{ nested: { toJSON() { return [1, 2]; } }, s: 'q\"uote\\n' }",
      "'str'",
      "1e21",
      "{ big: 1n }",
      "[undefined, function () {}]",
      "{ '\\u2028': 'ls', 'é': 1 }",
    ]);
    const lines = [`const jv = ${v};`];
    lines.push(
      r.pick([
        `attempt("json1", () => JSON.stringify(jv));`,
        `attempt("json1", () => JSON.stringify(jv, null, ${r.pick(["2", "'--'", "20"])}));`,
        `attempt("json1", () => JSON.stringify(jv, ["a", "c", "nested"]));`,
        `attempt("json1", () => JSON.stringify(jv, (k, x) => (typeof x === "number" ? x * 10 : x)));`,
      ]),
    );
    const text = r.pick([
      `'{"a":[1,2,{"b":null}],"c":"\\\\u0041"}'`,
      `'[1, "2", true, null]'`,
      `'{"__proto__": 1, "x": -0}'`,
      `'{bad json}'`,
      `'"\\\\ud83d\\\\ude00"'`,
      `'1e400'`,
      `' [ ] '`,
      `'{"a":1,}'`,
    ]);
    lines.push(
      r.pick([
        `attempt("json2", () => JSON.parse(${text}));`,
        `attempt("json2", () => JSON.parse(${text}, (k, x) => (typeof x === "number" ? x + 1 : x)));`,
        `attempt("json2", () => JSON.parse(${text}, function (k, x) { log("rev", k); return k === "a" ? undefined : x; }));`,
      ]),
    );
    return lines.join("\n");
  }

  snippetRegexp(): string {
    const r = this.r;
    const res = [
      "/a(b+)c/",
      "/(\\d+)-(\\d+)/g",
      "/^\\w+$/m",
      "/(?<year>\\d{4})-(?<month>\\d{2})/",
      "/[aeiou]/gi",
      "/x*/g",
      "/\\bfoo\\b/y",
      "/./su",
      "/(a)|(b)/d",
      "/\\p{L}+/u",
      "/(?:ab){2,3}/",
      "/(?=a)a/g",
      "/(?<!x)y/",
      "/\\s+/g",
    ];
    const inputs = [
      "'abbbc abc'",
      "'2024-05 1999-12'",
      "'foo bar\\nbaz'",
      "'AEIOU aeiou'",
      "''",
      "'foo foo'",
      "'é\\n😀'",
      "'ababab'",
      "'xy y'",
      "' a  b '",
    ];
    const re = this.fresh("re");
    const lines = [`const ${re} = ${r.pick(res)};`];
    const k = r.range(2, 6);
    for (let i = 0; i < k; i++) {
      const s = r.pick(inputs);
      lines.push(
        r.pick([
          `attempt("${re}.exec", () => { const m = ${re}.exec(${s}); return m && [m.index, [...m], m.groups && { ...m.groups }, ${re}.lastIndex]; });`,
          `attempt("${re}.test", () => [${re}.test(${s}), ${re}.lastIndex]);`,
          `attempt("${re}.match", () => ${s}.match(${re}));`,
          `attempt("${re}.replace", () => ${s}.replace(${re}, (...a) => "<" + a.filter((x) => typeof x === "string").join(",") + ">"));`,
          `attempt("${re}.split", () => ${s}.split(${re}));`,
          `attempt("${re}.props", () => [${re}.source, ${re}.flags, ${re}.global, ${re}.sticky, ${re}.unicode, String(${re})]);`,
          `attempt("${re}.indices", () => { const m = new RegExp(${re}.source, "d" + ${re}.flags.replace("d", "")).exec(${s}); return m && m.indices; });`,
          `attempt("${re}.replaceNamed", () => ${s}.replace(/(?<w>o+)/g, "[$<w>]"));`,
        ]),
      );
    }
    lines.push(
      `attempt("${re}.bad", () => new RegExp(${r.pick(["'('", "'[z-a]'", "'a{2,1}'", "'ok'"])}));`,
    );
    return lines.join("\n");
  }

  snippetOperators(): string {
    // typeof / instanceof / in / delete / optional chaining on a fixed set of shapes
    const r = this.r;
    const vals = [
      "undefined",
      "null",
      "0",
      "''",
      "{ a: { b: null } }",
      "[1]",
      "Object.create(null)",
      "function () {}",
      "Symbol()",
      "1n",
      "new (class Q {})()",
    ];
    const lines: string[] = [];
    const k = r.range(3, 7);
    for (let i = 0; i < k; i++) {
      const v = r.pick(vals);
      lines.push(
        r.pick([
          `attempt("op${i}", () => typeof (${v}));`,
          `attempt("op${i}", () => typeof undeclaredVariable${i});`,
          `attempt("op${i}", () => (${v}) instanceof Object);`,
          `attempt("op${i}", () => "a" in (${v}));`,
          `attempt("op${i}", () => { const o = ${v}; return [o?.a?.b, o?.a?.b?.c, o?.["a"], o?.a?.()]; });`,
          `attempt("op${i}", () => { const o = ${v}; return o.a.b; });`,
          `attempt("op${i}", () => { const o = ${v}; return o.missing(); });`,
          `attempt("op${i}", () => { const o = { ${r.pick(["a: 1", "0: 'z'", "'x y': 2"])} }; return [delete o.a, delete o[0], o]; });`,
          `attempt("op${i}", () => { const f = ${v}; return new f(); });`,
          `attempt("op${i}", () => undeclaredVariable${i});`,
          `attempt("op${i}", () => { "use strict"; undeclaredAssign${i} = 1; });`,
          `attempt("op${i}", () => { let t = t; });`,
          `attempt("op${i}", () => { const c = 1; c = 2; });`,
          `attempt("op${i}", () => (${v}) == null);`,
          `attempt("op${i}", () => [void 0, typeof null, typeof typeof 1]);`,
          `attempt("op${i}", () => Symbol.hasInstance in Function.prototype);`,
          `attempt("op${i}", () => ({ [Symbol.hasInstance]: (x) => (log("hasInstance", x), true) }) && 1 instanceof { [Symbol.hasInstance]: (x) => x === 1 });`,
        ]),
      );
    }
    return lines.join("\n");
  }

  snippetRecursion(): string {
    const r = this.r;
    return r.pick([
      `function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nlog("fib", fib(${r.range(5, 15)}));`,
      `function isEven(n) { return n === 0 ? true : isOdd(n - 1); }\nfunction isOdd(n) { return n === 0 ? false : isEven(n - 1); }\nlog("even", isEven(${r.range(0, 50)}), isOdd(${r.range(0, 50)}));`,
      `function flatten(a) { return a.reduce((acc, x) => Array.isArray(x) ? acc.concat(flatten(x)) : acc.concat([x]), []); }\nlog(flatten([1, [2, [3, [4, [5]]]], ${r.pick(["'s'", "[[]]", "null"])}]));`,
      `function perms(xs) { if (xs.length <= 1) return [xs]; return xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])); }\nlog(perms([${r.pick(["1, 2, 3", "'a', 'b'", "1, 2, 3, 4"])}]).map((p) => p.join("")));`,
      `const ack = (m, n) => m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1));\nlog("ack", ack(2, ${r.range(0, 3)}));`,
    ]);
  }

  // ---------- programs ----------

  readonly kinds: Record<string, () => string> = {
    expressions: () => this.snippetExpressions(),
    coercion: () => this.snippetCoercion(),
    destructuring: () => this.snippetDestructuring(),
    spread: () => this.snippetSpread(),
    closures: () => this.snippetClosures(),
    classes: () => this.snippetClasses(),
    generators: () => this.snippetGenerators(),
    async: () => this.snippetAsync(),
    timers: () => this.snippetTimers(),
    control: () => this.snippetControl(),
    labels: () => this.snippetLabels(),
    accessors: () => this.snippetAccessors(),
    proxy: () => this.snippetProxy(),
    collections: () => this.snippetCollections(),
    arrays: () => this.snippetArrays(),
    strings: () => this.snippetStrings(),
    json: () => this.snippetJson(),
    regexp: () => this.snippetRegexp(),
    operators: () => this.snippetOperators(),
    recursion: () => this.snippetRecursion(),
    tagged: () => snippetTagged(this),
    asyncGenerators: () => snippetAsyncGenerators(this),
    iteratorClose: () => snippetIteratorClose(this),
    functions: () => snippetFunctions(this),
    bindings: () => snippetBindings(this),
    typed: () => snippetTyped(this),
    dates: () => snippetDates(this),
  };

  /** One program: the prelude then 2–5 snippets, each in its own block and try/catch. */
  program(): { source: string; snippets: string[] } {
    const r = this.r;
    const names = Object.keys(this.kinds).filter((k) => !this.opts.exclude?.includes(k));
    const count = r.range(2, 5);
    const snippets: string[] = [];
    for (let i = 0; i < count; i++) {
      let kind = r.pick(names);
      if (kind === "timers" && this.timersUsed) kind = "expressions";
      const body = this.kinds[kind]();
      snippets.push(wrapSnippet(`${kind} ${i}`, body));
    }
    if (r.chance(0.05))
      snippets.push(
        r.pick([
          `throw new TypeError("uncaught at the end");`,
          `null.boom;`,
          `process.exitCode = 3;`,
          `Promise.reject(new RangeError("unhandled"));`,
        ]),
      );
    const strict = r.chance(0.3) ? `"use strict";\n` : "";
    return { source: strict + PRELUDE + snippets.join("\n"), snippets };
  }
}

export function wrapSnippet(label: string, body: string): string {
  const indented = body
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
  return `// ${label}\ntry {\n${indented}\n} catch (e) {\n  log(${JSON.stringify(label)}, "escaped", err(e));\n}`;
}

interface Ctx {
  loops: string[];
  inFinally: boolean;
  inFunction: boolean;
  depth: number;
}

/** The program for one seed. */
export function generate(seed: number, opts: GenOptions = {}): string {
  return new Gen(new Rng(seed), opts).program().source;
}
