// First import of main; depends on shared.
import { sharedObj } from "./shared.mjs";
globalThis.__evalLog.push("a");
export const aSeen = sharedObj;
