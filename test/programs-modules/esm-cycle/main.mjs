// Tests an ESM import cycle: evaluation order, function hoisting across the cycle, TDZ for let/const.
import { hoistedA, letA } from "./a.mjs";
import { useA } from "./b.mjs";
console.log("main:", hoistedA(), "|", letA);
console.log("main:", useA());
