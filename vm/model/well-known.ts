// The well-known symbols (Symbol.iterator…), shared by all realms: they are immutable.

import { JSSymbol } from "./value";

export const WELL_KNOWN = Object.fromEntries(
  [
    "asyncIterator",
    "hasInstance",
    "isConcatSpreadable",
    "iterator",
    "match",
    "matchAll",
    "replace",
    "search",
    "species",
    "split",
    "toPrimitive",
    "toStringTag",
    "unscopables",
    "dispose",
    "asyncDispose",
  ].map((n) => [n, new JSSymbol(`Symbol.${n}`, undefined, n)]),
) as Record<string, JSSymbol>;
