// Module A in a cycle with B: exports a hoisted function and a let binding.
import { bValue, useA } from "./b.mjs";
console.log("evaluating a; b's bValue:", bValue);
export function hoistedA() {
  return "hoistedA works";
}
export let letA = "letA initialised";
export const constA = "constA";
console.log("a sees useA():", useA());
