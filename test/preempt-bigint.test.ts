// Huge BigInt *, /, %, ** and toString in slices (vm/builtins/bigint-arith-work.ts).
// The module's sizes are shrunk here so numbers of a few thousand bits go through
// every level of the recursion (Karatsuba, Burnikel–Ziegler, the toString splits)
// quickly: results must be the host's exactly, on random sizes and on edge cases;
// under run(1000) the work must pause many times and end with node's output; a
// snapshot in the middle must resume in a new VM to the same output with the same
// instruction count. Assertions are on counts, never on wall time.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode, encode } from "cbor-x";
import fc from "fast-check";
import { Jaunt } from "../vm";
import {
  Arith,
  BIGINT_SLICING,
  bitLength,
  powTask,
  slicedArith,
  slicedToString,
  type BigIntArithWork,
} from "../vm/builtins/bigint-arith-work";
import { PENDING } from "../vm/builtins/work";
import type { VM } from "../vm/interpreter/interpreter";
import { vmWith } from "./harness";
import { nodeOutput, resumeToEnd, runToReady as runToReadyIn, taskEdits } from "./preempt-harness";

const REAL = { ...BIGINT_SLICING };
const TINY = {
  mulLeafBits: 256,
  tinyBits: 64,
  divLeafBits: 128,
  toStringLeafBits: 128,
  sliceMicros: 40,
  slicedMicros: 1,
  smallBits: 8,
  powSmallBits: 64,
};

/** Runs `f` with the module's sizes shrunk. */
function tiny<T>(f: () => T, sizes: Partial<typeof REAL> = TINY): T {
  Object.assign(BIGINT_SLICING, sizes);
  try {
    return f();
  } finally {
    Object.assign(BIGINT_SLICING, REAL);
  }
}

const hostVm = {
  throwError(name: string, message: string): never {
    throw new Error(`${name}: ${message}`);
  },
} as unknown as VM;

/** Runs a task to its end; its result and the number of slices it paused after. */
function finish(task: BigIntArithWork | null): { value: unknown; paused: number } {
  assert.ok(task, "the operation was not sliced");
  let paused = 0;
  for (;;) {
    const r = task.step(hostVm);
    if (r !== PENDING) return { value: r, paused };
    paused++;
  }
}

const bigintOfBits = (maxBits: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxBits }), fc.boolean(), fc.integer({ min: 0, max: 3 }))
    .chain(([bits, negative, shape]) =>
      fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }).map((v) => {
        // Random, all ones, a power of two, or a power of two plus a little.
        const top = 1n << BigInt(bits - 1);
        const x = [v | top, (top << 1n) - 1n, top, top + (v & 0xffffn)][shape];
        return negative ? -x : x;
      }),
    );

/** The task's result, or the host's when the operands are too small to slice. */
function sliced(what: Arith, a: bigint, b: bigint, counts: number[]): unknown {
  const task = slicedArith(what, a, b);
  counts[task ? 0 : 1]++;
  if (task) return finish(task).value;
  return what === Arith.Mul ? a * b : what === Arith.Div ? a / b : a % b;
}

test("sliced BigInt *, / and % equal the host's on random sizes and shapes", () => {
  const counts = [0, 0];
  tiny(() =>
    fc.assert(
      fc.property(bigintOfBits(5000), bigintOfBits(3000), (a, b) => {
        assert.equal(sliced(Arith.Mul, a, b, counts), a * b);
        if (b === 0n) return;
        assert.equal(sliced(Arith.Div, a, b, counts), a / b);
        assert.equal(sliced(Arith.Mod, a, b, counts), a % b);
      }),
      { numRuns: 150 },
    ),
  );
  assert.ok(counts[0] > 100, `only ${counts[0]} of ${counts[0] + counts[1]} sliced`);
});

test("sliced BigInt toString equals the host's in every radix", () => {
  tiny(() =>
    fc.assert(
      fc.property(
        bigintOfBits(6000).filter((x) => bitLength(x) > 8),
        fc.integer({ min: 2, max: 36 }),
        (x, radix) => {
          const task = slicedToString(x, radix, "<", ">");
          // Powers of two are the host's (linear).
          if ((radix & (radix - 1)) === 0) return assert.equal(task, null);
          assert.equal(finish(task).value, `<${x.toString(radix)}>`);
        },
      ),
      { numRuns: 150 },
    ),
  );
});

test("sliced BigInt powers equal the host's", () => {
  tiny(() =>
    fc.assert(
      fc.property(bigintOfBits(200), fc.integer({ min: 0, max: 90 }), (base, e) => {
        assert.equal(finish(powTask(base, BigInt(e))).value, base ** BigInt(e));
      }),
      { numRuns: 100 },
    ),
  );
});

test("edge cases: zero digits, exact quotients, a dividend just below the divisor's powers", () => {
  tiny(() => {
    const p = 1n << 3001n;
    const d = (1n << 1500n) + 12345n;
    const cases: [bigint, bigint][] = [
      [p, d],
      [-p, d],
      [p, -d],
      [d * d * d, d],
      [d * d * d - 1n, d],
      [(1n << 4000n) - 1n, (1n << 2000n) - 1n],
      [10n ** 1500n, 10n ** 700n],
      [-(10n ** 1500n), -(10n ** 700n + 1n)],
    ];
    for (const [a, b] of cases) {
      assert.equal(finish(slicedArith(Arith.Mul, a, b)).value, a * b);
      assert.equal(finish(slicedArith(Arith.Div, a, b)).value, a / b, `${a} / ${b}`);
      assert.equal(finish(slicedArith(Arith.Mod, a, b)).value, a % b, `${a} % ${b}`);
    }
    for (const x of [10n ** 3000n, 10n ** 3000n - 1n, -(10n ** 1234n), 36n ** 900n, 7n ** 1500n])
      for (const radix of [3, 7, 10, 35, 36])
        assert.equal(finish(slicedToString(x, radix)).value, x.toString(radix));
    // Small operands are the host's, in one step.
    assert.equal(slicedArith(Arith.Mul, 3n, 1n << 9000n), null);
    assert.equal(slicedArith(Arith.Div, 1n << 9000n, 0n), null);
    assert.equal(slicedToString(1n << 9000n, 16), null);
  });
});

test("with the real sizes, a 1.3-million-bit product and quotient take many slices", () => {
  const a = 7n ** 470000n; // ~1.32 million bits
  const b = 3n ** 420000n + 1n; // ~0.67 million bits
  const product = finish(slicedArith(Arith.Mul, a, b));
  assert.equal(product.value, a * b);
  assert.ok(product.paused >= 5, `only ${product.paused} slices`);
  const quotient = finish(slicedArith(Arith.Div, a, b));
  assert.equal(quotient.value, a / b);
  assert.ok(quotient.paused >= 10, `only ${quotient.paused} slices`);
  // A divisor of a few thousand bits is slow too (schoolbook): 64 K quotient bits a leaf.
  const small = 3n ** 5000n;
  const q = finish(slicedArith(Arith.Mod, a, small));
  assert.equal(q.value, a % small);
  assert.ok(q.paused >= 1, `only ${q.paused} slices`);
  assert.equal(slicedArith(Arith.Div, a, 3n ** 40n), null);
});

const SOURCE = `const a = 7n ** 3000n + 12345n, b = -(3n ** 2000n) - 1n, c = 10n ** 1000n - 1n;
console.log("ready");
const p = a * b, q = a / b, r = a % c, s = a.toString(), t = b.toString(7), u = \`<\${a}>\`, v = "x" + b, w = p + "y", x = (-a) ** 5n;
console.log(p % 1000007n, q % 1000007n, r % 1000007n, s.length, s.slice(0, 20), s.slice(-20), t.slice(0, 12), t.length, u.length, v.slice(0, 9), w.slice(-6), x % 1000007n);`;
const SLICES = { ...TINY, sliceMicros: 400, powSmallBits: 2048 };

const runToReady = () => runToReadyIn(SOURCE, "/test/preempt-bigint.js");

test("run(1000) slices of huge BigInt arithmetic pause often and end with node's result", () => {
  const expected = nodeOutput(SOURCE);
  tiny(() => {
    const { j, out } = runToReady();
    let after = 0;
    while (j.run(1000).status === "paused") after++;
    assert.equal(out.text, expected);
    assert.ok(after >= 30, `only ${after} paused slices after "ready"`);
  }, SLICES);
});

test("a snapshot in the middle of huge BigInt arithmetic resumes where it stopped", () => {
  const expected = nodeOutput(SOURCE);
  tiny(() => {
    const straight = vmWith();
    straight.j.load(SOURCE, "/test/preempt-bigint.js");
    straight.j.run();
    const { j, out } = runToReady();
    for (let cut = 0; cut < 4; cut++) {
      for (let i = 0; i < 5; i++) assert.equal(j.run(1000).status, "paused");
      const again = resumeToEnd(j, out);
      assert.equal(again.text, expected);
      assert.ok(again.after >= 2, `the resumed VM finished in ${again.after + 1} slices`);
      assert.equal(again.steps, straight.j.steps);
    }
  }, SLICES);
});

test("a snapshot whose BigInt task was edited is refused with a message naming it", () => {
  tiny(() => {
    const { j } = runToReady();
    // Into the toString of `a` (its powers are there).
    let bytes: Uint8Array | undefined;
    for (let i = 0; i < 400 && !bytes; i++) {
      assert.equal(j.run(1000).status, "paused");
      const s = decode(j.snapshot());
      const rec = (s[1] as unknown[][]).find((r) => r[1] === 190);
      if (rec && (rec[7] as number) === Arith.ToString && (rec[12] as unknown[]).length > 1)
        bytes = j.snapshot();
    }
    assert.ok(bytes, "no snapshot inside a sliced toString");
    const { edit, refused } = taskEdits(bytes!, 190, "sliced BigInt task");
    // [what, negative, radix, frames, ret, powers, powerBits, out, before, after]
    refused((f) => (f[0] = 9), /sliced BigInt operation of an unknown kind/);
    refused((f) => (f[2] = 37), /toString with a bad radix/);
    refused((f) => ((f[3] as unknown[][])[0][0] = 42), /frame of an unknown kind/);
    refused((f) => ((f[3] as unknown[][])[0][1] = 9), /frame in an unknown stage/);
    refused((f) => ((f[3] as unknown[][])[0][3] = ["xyz"]), /bad number in its frames/);
    refused((f) => (f[5] = (f[5] as string[]).slice().reverse()), /powers out of order/);
    refused((f) => ((f[6] as number[])[0] += 3), /powers do not match their sizes/);
    refused((f) => (f[5] = f[6] = []), /toString without its powers/);
    refused((f) => (f[7] = [1]), /toString without its digits/);
  }, SLICES);
});
