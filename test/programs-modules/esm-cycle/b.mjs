// Module B imports A, which has not been evaluated yet when B runs.
import { hoistedA, letA, constA } from "./a.mjs";
console.log("evaluating b first");
console.log("b calls hoistedA():", hoistedA());
try {
  console.log(letA);
} catch (e) {
  console.log("b reading letA:", e.constructor.name);
}
try {
  console.log(constA);
} catch (e) {
  console.log("b reading constA:", e.constructor.name);
}
console.log(
  "typeof letA in b:",
  (() => {
    try {
      return typeof letA;
    } catch (e) {
      return "typeof threw " + e.constructor.name;
    }
  })(),
);
export const bValue = "bValue";
export function useA() {
  return "later, b sees " + letA + " and " + constA;
}
