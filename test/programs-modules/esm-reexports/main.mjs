// Tests re-exports: export * from, export {x as y} from, export * as ns, default re-export, conflicts.
import * as barrel from "./barrel.mjs";
import barrelDefault, {
  fromA,
  fromB,
  aliasOfA,
  bDefault,
  renamedBFn,
  bNamespace,
  local,
} from "./barrel.mjs";

console.log(Object.keys(barrel).join(","));
console.log(fromA, "|", fromB, "|", aliasOfA);
console.log(barrelDefault, "|", bDefault, "|", renamedBFn());
console.log(bNamespace.fromB, bNamespace.default, bNamespace[Symbol.toStringTag]);
console.log(local);
console.log("shared" in barrel, barrel.shared);
import * as bDirect from "./b.mjs";
console.log(bNamespace === bDirect);
