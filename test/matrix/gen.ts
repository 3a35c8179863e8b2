// The statement-nesting matrix: every statement form nested in every other (two deep,
// all ordered pairs; three deep, sampled or in full), in every kind of function and
// at module/script top level, with each control transfer the innermost body can make
// (break, continue, labelled ones targeting each enclosing level, return, throw,
// yield, yield*, await). Each case is a small well-defined program that pushes what ran to a
// log array (block entries and exits, finally bodies, iterator return() calls, `using`
// disposals, catch bindings, generator results, awaited values) and prints it.
//
// Node 20 cannot parse `using`/`await using`, so every case is generated twice: the
// "jaunt" text has the declarations, the "node" text has the same block rewritten as
// the try/finally the spec's DisposeResources amounts to here (dispose in reverse
// order at block exit, on every exit, nothing thrown by the disposers). Node runs the
// rewritten program, Jaunt the original, and their logs must be equal.

export type Ctx = "function" | "generator" | "async" | "asyncgen" | "static" | "esm" | "cjs";
export const CONTEXTS: readonly Ctx[] = [
  "function",
  "generator",
  "async",
  "asyncgen",
  "static",
  "esm",
  "cjs",
];

export type Target = "jaunt" | "node";

interface Form {
  /** A loop: `continue` may target it. */
  loop?: boolean;
  /** Unlabelled `break` targets it (loops and switch). */
  breaks?: boolean;
  /** Needs an async context (`for await`, `await using`). */
  async?: boolean;
  /** Needs a context where `return` is legal. */
  returns?: boolean;
  /** Always labelled (the labelled block). */
  labelled?: boolean;
  /**
   * The form around `inner` at nesting level k; `v` makes binding names unique.
   * `pre` (declarations the form needs) goes before the label, `stmt` after it.
   */
  wrap(k: number, v: string, inner: string, t: Target): { pre?: string; stmt: string };
}

const L = (s: string) => `log.push(${JSON.stringify(s)});`;

/** The statement forms, by name. */
export const FORMS: Record<string, Form> = {
  for: {
    loop: true,
    breaks: true,
    wrap: (k, v, inner) => ({
      // The closure makes the loop variable live in a per-iteration environment.
      stmt: `for (let i${v} = 0; i${v} < 2; i${v}++) {\n${L(`for${k}`)} log.push((() => i${v})());\n${inner}\n${L(`/for${k}`)}\n}`,
    }),
  },
  forin: {
    loop: true,
    breaks: true,
    wrap: (k, v, inner) => ({
      stmt: `for (const p${v} in { a: 1, b: 2 }) {\n${L(`forin${k}`)} log.push(p${v});\n${inner}\n${L(`/forin${k}`)}\n}`,
    }),
  },
  forof: {
    loop: true,
    breaks: true,
    wrap: (k, v, inner) => ({
      stmt: `for (const o${v} of iter(log, "${k}")) {\n${L(`forof${k}`)} log.push((() => o${v})());\n${inner}\n${L(`/forof${k}`)}\n}`,
    }),
  },
  forawait: {
    loop: true,
    breaks: true,
    async: true,
    wrap: (k, v, inner) => ({
      stmt: `for await (const a${v} of aiter(log, "${k}")) {\n${L(`forawait${k}`)} log.push(a${v});\n${inner}\n${L(`/forawait${k}`)}\n}`,
    }),
  },
  while: {
    loop: true,
    breaks: true,
    wrap: (k, v, inner) => ({
      pre: `let w${v} = 0;\n`,
      stmt: `while (w${v}++ < 2) {\n${L(`while${k}`)} log.push(w${v});\n${inner}\n${L(`/while${k}`)}\n}`,
    }),
  },
  dowhile: {
    loop: true,
    breaks: true,
    wrap: (k, v, inner) => ({
      pre: `let d${v} = 0;\n`,
      stmt: `do {\n${L(`do${k}`)} log.push(d${v});\n${inner}\n${L(`/do${k}`)}\n} while (++d${v} < 2);`,
    }),
  },
  switch: {
    breaks: true,
    wrap: (k, v, inner) => ({
      stmt: `switch (log.length > -1 ? "x" : "y") {\ncase "y":\n${L(`no${k}`)}\nbreak;\ncase "x":\n${L(`case${k}`)}\n${inner}\n${L(`fall${k}`)}\ndefault:\n${L(`default${k}`)}\n}`,
    }),
  },
  label: {
    labelled: true,
    wrap: (k, v, inner) => ({ stmt: `{\n${L(`label${k}`)}\n${inner}\n${L(`/label${k}`)}\n}` }),
  },
  block: {
    wrap: (k, v, inner) => ({
      stmt: `{\nlet b${v} = "b${k}";\nlog.push((() => b${v})());\n${inner}\n${L(`/block${k}`)}\n}`,
    }),
  },
  if: {
    wrap: (k, v, inner) => ({
      stmt: `if (log.length > -1) {\n${L(`if${k}`)}\n${inner}\n${L(`/if${k}`)}\n} else {\n${L(`else${k}`)}\n}`,
    }),
  },
  "try-catch": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\n${inner}\n${L(`/try${k}`)}\n} catch (e${v}) {\nlog.push("catch${k} " + e${v});\n}`,
    }),
  },
  "catch-body": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\nthrow "t${k}";\n} catch (e${v}) {\nlog.push("catch${k} " + (() => e${v})());\n${inner}\n${L(`/catch${k}`)}\n}`,
    }),
  },
  "try-finally": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\n${inner}\n${L(`/try${k}`)}\n} finally {\n${L(`finally${k}`)}\n}`,
    }),
  },
  "finally-body": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\n} finally {\n${L(`finally${k}`)}\n${inner}\n${L(`/finally${k}`)}\n}`,
    }),
  },
  "throw-finally-body": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\nthrow "ft${k}";\n} finally {\n${L(`finally${k}`)}\n${inner}\n${L(`/finally${k}`)}\n}`,
    }),
  },
  "return-finally-body": {
    returns: true,
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\nreturn "rt${k}";\n} finally {\n${L(`finally${k}`)}\n${inner}\n${L(`/finally${k}`)}\n}`,
    }),
  },
  "try-catch-finally": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\n${inner}\n${L(`/try${k}`)}\n} catch (e${v}) {\nlog.push("catch${k} " + e${v});\n} finally {\n${L(`finally${k}`)}\n}`,
    }),
  },
  "catch-body-finally": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\nthrow "t${k}";\n} catch (e${v}) {\nlog.push("catch${k} " + e${v});\n${inner}\n${L(`/catch${k}`)}\n} finally {\n${L(`finally${k}`)}\n}`,
    }),
  },
  "catch-finally-body": {
    wrap: (k, v, inner) => ({
      stmt: `try {\n${L(`try${k}`)}\n} catch (e${v}) {\nlog.push("catch${k} " + e${v});\n} finally {\n${L(`finally${k}`)}\n${inner}\n${L(`/finally${k}`)}\n}`,
    }),
  },
  using: {
    // Two resources, so the reverse order of disposal shows.
    wrap: (k, v, inner, t) =>
      t === "jaunt"
        ? {
            stmt: `{\nusing u${v} = res(log, "${k}a");\n${L(`using${k}`)}\nusing x${v} = res(log, "${k}b");\n${inner}\n${L(`/using${k}`)}\n}`,
          }
        : {
            stmt: `{\nconst u${v} = res(log, "${k}a");\ntry {\n${L(`using${k}`)}\nconst x${v} = res(log, "${k}b");\ntry {\n${inner}\n${L(`/using${k}`)}\n} finally {\nx${v}[Symbol.dispose]();\n}\n} finally {\nu${v}[Symbol.dispose]();\n}\n}`,
          },
  },
  "await-using": {
    async: true,
    wrap: (k, v, inner, t) =>
      t === "jaunt"
        ? {
            stmt: `{\nawait using u${v} = ares(log, "${k}a");\n${L(`ausing${k}`)}\nusing x${v} = res(log, "${k}b");\n${inner}\n${L(`/ausing${k}`)}\n}`,
          }
        : {
            // DisposeResources: the sync resource is disposed first (no await before
            // it, as nothing async was disposed yet), then the async one, awaited.
            stmt: `{\nconst u${v} = ares(log, "${k}a");\ntry {\n${L(`ausing${k}`)}\nconst x${v} = res(log, "${k}b");\ntry {\n${inner}\n${L(`/ausing${k}`)}\n} finally {\nx${v}[Symbol.dispose]();\n}\n} finally {\nawait u${v}[Symbol.asyncDispose]();\n}\n}`,
          },
  },
};

export const FORM_NAMES = Object.keys(FORMS);

export type Action =
  | {
      kind:
        | "none"
        | "break"
        | "continue"
        | "return"
        | "throw"
        | "yield"
        | "yieldstar"
        | "await"
        | "reject";
    }
  | { kind: "breakL" | "continueL"; level: number };

export interface Case {
  id: string;
  ctx: Ctx;
  levels: string[];
  action: Action;
  /** Generators: 0 runs them to completion, 1 calls return() at the first yield, 2 throw(). */
  mode: number;
}

const isGen = (c: Ctx) => c === "generator" || c === "asyncgen";
const isAsync = (c: Ctx) => c === "async" || c === "asyncgen" || c === "esm";
const canReturn = (c: Ctx) =>
  c === "function" || c === "generator" || c === "async" || c === "asyncgen";
const topLevel = (c: Ctx) => c === "esm" || c === "cjs";

/** Whether a nesting of forms is legal in a context. */
export function legalLevels(ctx: Ctx, levels: string[]): boolean {
  return levels.every((n) => {
    const f = FORMS[n];
    return (!f.async || isAsync(ctx)) && (!f.returns || canReturn(ctx));
  });
}

/** Every transfer the innermost body can legally make inside `levels` in `ctx`. */
export function legalActions(ctx: Ctx, levels: string[]): Action[] {
  const out: Action[] = [{ kind: "none" }];
  const forms = levels.map((n) => FORMS[n]);
  if (forms.some((f) => f.breaks)) out.push({ kind: "break" });
  if (forms.some((f) => f.loop)) out.push({ kind: "continue" });
  forms.forEach((f, level) => {
    out.push({ kind: "breakL", level });
    if (f.loop) out.push({ kind: "continueL", level });
  });
  if (canReturn(ctx)) out.push({ kind: "return" });
  out.push({ kind: "throw" });
  if (isGen(ctx)) out.push({ kind: "yield" }, { kind: "yieldstar" });
  if (isAsync(ctx)) out.push({ kind: "await" }, { kind: "reject" });
  return out;
}

function actionSource(a: Action): string {
  switch (a.kind) {
    case "none":
      return "";
    case "break":
      return "break;";
    case "continue":
      return "continue;";
    case "breakL":
      return `break L${a.level};`;
    case "continueL":
      return `continue L${a.level};`;
    case "return":
      return `return "ret";`;
    case "throw":
      return `throw "thrown";`;
    // yield and await inside an expression: operands are on the stack meanwhile.
    case "yield":
      return `log.push("sent " + (yield "y"));`;
    // Delegation: the driver's next/return/throw go through to the inner generator.
    case "yieldstar":
      return `log.push("delegated " + (yield* sub(log)));`;
    case "await":
      return `log.push("awaited " + (await Promise.resolve("av")));`;
    case "reject":
      return `log.push("never " + (await Promise.reject("rejected")));`;
  }
}

export function actionName(a: Action): string {
  return "level" in a ? `${a.kind}${a.level}` : a.kind;
}

/** The statements of a case's body (without the function or top-level frame around them). */
export function caseBody(c: Case, t: Target): string {
  const a = c.action;
  let inner = `log.push("body");\n${actionSource(a)}\nlog.push("after");`;
  for (let k = c.levels.length - 1; k >= 0; k--) {
    const f = FORMS[c.levels[k]];
    // Names are unique per case, as top-level cases share one scope.
    const w = f.wrap(k, `${c.id}_${k}`, inner, t);
    const labelled = f.labelled || ("level" in a && a.level === k);
    inner = (w.pre ?? "") + (labelled ? `L${k}: ` : "") + w.stmt;
  }
  return inner;
}

/** Helpers every program starts with: iterables and resources that log. */
const PRELUDE = `function iter(log, k) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { return i < 2 ? { value: "v" + i++, done: false } : { value: undefined, done: true }; },
    return(v) { log.push("return " + k); return { value: v, done: true }; },
  };
}
function aiter(log, k) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() { return this; },
    next() { return Promise.resolve(i < 2 ? { value: "a" + i++, done: false } : { value: undefined, done: true }); },
    return(v) { log.push("areturn " + k); return Promise.resolve({ value: v, done: true }); },
  };
}
function* sub(log) {
  try {
    log.push("sub " + (yield "sy"));
    return "sr";
  } finally {
    log.push("sub finally");
  }
}
function res(log, k) {
  log.push("acquire " + k);
  return { [Symbol.dispose]() { log.push("dispose " + k); } };
}
function ares(log, k) {
  log.push("aacquire " + k);
  return { async [Symbol.asyncDispose]() { await null; log.push("adispose " + k); } };
}
function drive(log, g, mode) {
  for (let n = 0; n < 20; n++) {
    let r;
    try {
      r = n === 1 && mode === 1 ? g.return("R") : n === 1 && mode === 2 ? g.throw("T") : g.next("s" + n);
    } catch (e) {
      log.push("gen threw " + e);
      return;
    }
    log.push("got " + r.value + (r.done ? " done" : ""));
    if (r.done) return;
  }
  log.push("too many");
}
async function adrive(log, g, mode) {
  for (let n = 0; n < 20; n++) {
    let r;
    try {
      r = await (n === 1 && mode === 1 ? g.return("R") : n === 1 && mode === 2 ? g.throw("T") : g.next("s" + n));
    } catch (e) {
      log.push("gen threw " + e);
      return;
    }
    log.push("got " + r.value + (r.done ? " done" : ""));
    if (r.done) return;
  }
  log.push("too many");
}
// Prints a case's log (Array.prototype.join costs many more instructions).
function show(name, log) {
  let s = name + ":";
  for (let i = 0; i < log.length; i++) s += " " + log[i];
  console.log(s);
}
`;

/** One case as the declaration it is in its context (a function, or top-level statements). */
export function caseSource(c: Case, t: Target): string {
  const body = caseBody(c, t);
  switch (c.ctx) {
    case "function":
      return `function ${c.id}(log) {\n${body}\n}`;
    case "generator":
      return `function* ${c.id}(log) {\n${body}\n}`;
    case "async":
      return `async function ${c.id}(log) {\n${body}\n}`;
    case "asyncgen":
      return `async function* ${c.id}(log) {\n${body}\n}`;
    case "static":
      return `function ${c.id}(log) {\nclass C {\nstatic {\n${body}\n}\n}\n}`;
    case "esm":
    case "cjs": {
      // At top level the statements run where they are; a case that may throw is
      // caught around, so the cases after it still run.
      const guarded = /\bthrow\b|reject\(/.test(body)
        ? `try {\n${body}\n} catch (e) {\nlog.push("escaped " + e);\n}`
        : body;
      return `log = [];\n${guarded}\nshow("${c.id}", log);`;
    }
  }
}

/** A program running `cases` (all of one context) and printing each one's log. */
export function programSource(ctx: Ctx, cases: Case[], t: Target): string {
  const parts = [PRELUDE];
  if (topLevel(ctx)) {
    parts.push("var log;");
    for (const c of cases) parts.push(caseSource(c, t));
    return parts.join("\n") + "\n";
  }
  for (const c of cases) parts.push(caseSource(c, t));
  const list = cases.map((c) => `["${c.id}", ${c.id}, ${c.mode}]`).join(",\n");
  parts.push(`const CASES = [\n${list}\n];`);
  switch (ctx) {
    case "function":
    case "static":
      parts.push(`for (const [name, f] of CASES) {
  const log = [];
  try {
    log.push("returned " + f(log));
  } catch (e) {
    log.push("threw " + e);
  }
  show(name, log);
}`);
      break;
    case "generator":
      parts.push(`for (const [name, f, mode] of CASES) {
  const log = [];
  drive(log, f(log), mode);
  show(name, log);
}`);
      break;
    case "async":
    case "asyncgen":
      parts.push(`(async () => {
  for (const [name, f, mode] of CASES) {
    const log = [];
    try {
      ${ctx === "async" ? `log.push("returned " + (await f(log)));` : `await adrive(log, f(log), mode);`}
    } catch (e) {
      log.push("threw " + e);
    }
    show(name, log);
  }
})();`);
      break;
  }
  return parts.join("\n") + "\n";
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The variants of one nesting in one context: every legal action, yields in each driver mode. */
function variants(ctx: Ctx, levels: string[]): Omit<Case, "id">[] {
  const out: Omit<Case, "id">[] = [];
  for (const action of legalActions(ctx, levels)) {
    const modes = action.kind === "yield" || action.kind === "yieldstar" ? [0, 1, 2] : [0];
    for (const mode of modes) out.push({ ctx, levels, action, mode });
  }
  return out;
}

export interface MatrixOptions {
  /**
   * Of each nesting's variants, every one (1) or one in n, rotating with the nesting
   * and the context so that each variant of a nesting is taken in some context: for
   * two-deep nestings and for three-deep ones when all are taken.
   */
  actionsEvery: [two: number, three: number];
  /** Three-deep nestings per context: a number samples that many (seeded), "all" takes each one. */
  threeDeep: number | "all";
  seed: number;
  contexts?: readonly Ctx[];
}

/** The matrix: per context, the two-deep cases and the three-deep ones asked for. */
export function matrix(opts: MatrixOptions): Map<Ctx, { two: Case[]; three: Case[] }> {
  const out = new Map<Ctx, { two: Case[]; three: Case[] }>();
  for (const ctx of opts.contexts ?? CONTEXTS) {
    const ctxIndex = CONTEXTS.indexOf(ctx);
    let n = 0;
    let nesting = 0;
    const take = (levels: string[], into: Case[]) => {
      const all = variants(ctx, levels);
      const every = Math.min(opts.actionsEvery[levels.length - 2], all.length);
      const offset = (nesting++ + ctxIndex) % every;
      all.forEach((v, i) => {
        if ((i + offset) % every === 0) into.push({ ...v, id: `c${n++}` });
      });
    };
    const forms = FORM_NAMES.filter((f) => legalLevels(ctx, [f]));
    const two: Case[] = [];
    for (const a of forms) for (const b of forms) take([a, b], two);
    const three: Case[] = [];
    if (opts.threeDeep === "all") {
      for (const a of forms) for (const b of forms) for (const c of forms) take([a, b, c], three);
    } else {
      // Seeded per context, so adding a context does not change another's sample.
      const r = rng(opts.seed ^ Math.imul(ctxIndex + 1, 0x9e3779b1));
      const pick = () => forms[Math.floor(r() * forms.length)];
      for (let i = 0; i < opts.threeDeep; i++) {
        const all = variants(ctx, [pick(), pick(), pick()]);
        three.push({ ...all[Math.floor(r() * all.length)], id: `c${n++}` });
      }
    }
    out.set(ctx, { two, three });
  }
  return out;
}
