// A module with named, default and symbol-unfriendly exports for namespace inspection.
export const b = "bee";
export let a = "ay";
export function setA(v) {
  a = v;
}
export default "the default";
export const zeta = 26;
