// Tests module evaluation order: depth-first post-order, shared deps once, imports hoisted above code.
console.log("main body starts; log so far:", globalThis.__evalLog.join(","));
import { aSeen } from "./a.mjs";
import { bSeen } from "./b.mjs";
import "./c.mjs";
import "./shared.mjs";
console.log("same shared object:", aSeen === bSeen);
console.log("final log:", globalThis.__evalLog.join(","));
