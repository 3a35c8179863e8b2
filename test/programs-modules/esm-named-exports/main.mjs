// Tests named imports: every export declaration form, renaming on both sides, string export names.
import {
  PI,
  mutable,
  legacy,
  add,
  range,
  later,
  Shape,
  destructuredA,
  destructuredB,
  firstOfArray,
  thirdOfArray,
  renamedInternal,
  helper,
  helperAlias,
  "string name" as stringName,
  add as plus,
} from "./lib.mjs";

console.log(PI, mutable, legacy);
console.log(add(2, 3), plus(4, 5), add === plus);
console.log([...range(4)].join(","));
console.log(new Shape().area(), typeof Shape, Shape.name);
console.log(destructuredA, destructuredB, firstOfArray, thirdOfArray);
console.log(renamedInternal, helper(), helper === helperAlias);
console.log(stringName);
later("value").then((v) => console.log(v));
try {
  PI = 3;
} catch (e) {
  console.log("assign to import:", e.constructor.name);
}
try {
  add.extra = "functions are still mutable objects";
  console.log(add.extra);
} catch (e) {
  console.log("unexpected", e.constructor.name);
}
console.log(typeof internal);
