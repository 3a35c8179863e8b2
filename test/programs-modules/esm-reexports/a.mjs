// Source module A.
export const fromA = "value from A";
export const shared = "shared from A";
export default "default of A";
