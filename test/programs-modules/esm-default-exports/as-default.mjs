// A local binding exported as default via an export list (this one IS live).
let counter = 0;
export function inc() {
  counter++;
}
export { counter as default };
