export const name = "self";
