// Second import of main; depends on shared and c.
import { sharedObj } from "./shared.mjs";
import "./c.mjs";
globalThis.__evalLog.push("b");
export const bSeen = sharedObj;
