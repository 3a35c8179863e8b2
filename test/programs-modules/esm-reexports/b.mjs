// Source module B.
export const fromB = "value from B";
export const shared = "shared from B";
export function bFn() {
  return "bFn";
}
export default "default of B";
