// Exports mutable bindings and functions that mutate them.
export let count = 0;
export function increment() {
  count++;
  return count;
}
export function reset() {
  count = 0;
}
export let current = () => "first implementation";
export function swap() {
  current = () => "second implementation";
}
export let obj = { n: 1 };
export function replaceObj() {
  obj = { n: 2 };
}
let hidden = "h1";
export { hidden as aliasOfHidden };
export function changeHidden() {
  hidden = "h2";
}
