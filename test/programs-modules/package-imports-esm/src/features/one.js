export const feature = "a feature";
