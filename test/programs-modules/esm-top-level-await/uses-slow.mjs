// Depends on the async module, so it waits for it.
import { slowValue } from "./slow.mjs";
console.log("uses-slow: sees", slowValue);
export const derived = slowValue.toUpperCase();
