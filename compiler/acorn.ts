// acorn, loaded on first use. Its module builds keyword regexps and Unicode tables for
// every ECMAScript version as it loads (~15% of `vmrun hello.js`'s JavaScript), and a
// run whose programs all come from the program cache (vm/runtime/prelude-cache.ts)
// parses nothing.

import type * as Acorn from "acorn";

let loaded: typeof Acorn | null = null;

export function acorn(): typeof Acorn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("acorn") as typeof Acorn);
}
