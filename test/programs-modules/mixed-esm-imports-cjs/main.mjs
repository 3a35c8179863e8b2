// Tests ESM importing CommonJS: default = module.exports, detected named exports, namespace shape.
import named, { alpha, beta, counter, bump } from "./named.cjs";
import * as namedNs from "./named.cjs";
import replaced from "./replaced.cjs";
import transpiled, { named as transpiledNamed } from "./es-module-flag.cjs";
import * as transpiledNs from "./es-module-flag.cjs";
import dyn, * as dynNs from "./dynamic-keys.cjs";
import plain from "./plain.js";

console.log(alpha, beta(), named.alpha === alpha, typeof named);
console.log(Object.keys(namedNs).join(","));
console.log(namedNs.default === named);
console.log(
  "counter before:",
  counter,
  bump(),
  bump(),
  "named import after bumps:",
  counter,
  "object:",
  named.counter,
);
console.log(replaced(), replaced.extra, typeof replaced);
console.log(typeof transpiled, transpiled.default, transpiledNamed);
console.log(Object.keys(transpiledNs).join(","));
console.log(Object.keys(dynNs).join(","), dyn.hidden1);
console.log(JSON.stringify(plain));
const viaDynamic = await import("./named.cjs");
console.log(viaDynamic === namedNs, viaDynamic.default === named);
