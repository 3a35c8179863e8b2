// Tests live bindings: importers observe updates to exported let/function/object bindings.
import {
  count,
  increment,
  reset,
  current,
  swap,
  obj,
  replaceObj,
  aliasOfHidden,
  changeHidden,
} from "./counter.mjs";
import * as ns from "./counter.mjs";
import { observe } from "./observer.mjs";

console.log(count, ns.count);
increment();
increment();
console.log(count, ns.count, observe());
const snapshot = count;
reset();
console.log(count, snapshot, observe());
console.log(current());
swap();
console.log(current());
const heldObj = obj;
replaceObj();
console.log(obj.n, heldObj.n, obj === heldObj);
console.log(aliasOfHidden);
changeHidden();
console.log(aliasOfHidden);
try {
  count = 100;
} catch (e) {
  console.log("assign imported binding:", e.constructor.name, count);
}
try {
  count++;
} catch (e) {
  console.log("increment imported binding:", e.constructor.name, count);
}
obj.n = 99;
console.log(ns.obj.n);
for (let i = 0; i < 3; i++) increment();
console.log(`after loop: ${count}`);
