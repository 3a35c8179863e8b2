// Second lazily loaded module, chosen by a computed specifier.
export const name = "other";
