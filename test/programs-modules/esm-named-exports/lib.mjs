// Named exports of every declaration form, plus export lists with renaming.
export const PI = 3.14;
export let mutable = "initial";
export var legacy = "var export";
export function add(a, b) {
  return a + b;
}
export function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
export async function later(v) {
  await null;
  return "later " + v;
}
export class Shape {
  area() {
    return 0;
  }
}
export const {
  destructuredA,
  nested: { destructuredB },
} = { destructuredA: "dA", nested: { destructuredB: "dB" } };
export const [firstOfArray, , thirdOfArray] = ["one", "two", "three"];
const internal = "not exported directly";
function helper() {
  return "helper result";
}
export { internal as renamedInternal, helper, helper as helperAlias };
const weird = "string-named export";
export { weird as "string name" };
