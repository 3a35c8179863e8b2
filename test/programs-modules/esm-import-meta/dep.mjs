// A dependency exposing its own import.meta for comparison.
export const depMeta = import.meta;
export const depUrlOk = import.meta.url.endsWith("/dep.mjs");
