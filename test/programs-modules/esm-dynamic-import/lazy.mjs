// Lazily loaded module with a side effect on evaluation.
console.log("lazy: evaluated");
export const value = "lazy value";
export let hits = 0;
export function hit() {
  return ++hits;
}
export default function lazyDefault() {
  return "lazy default";
}
