import "./cycle-leaf.mjs";
globalThis.logs.push("cycle root start");
await 1;
await null;
globalThis.logs.push("cycle root end");
