import "./cycle-leaf.mjs";
globalThis.logs.push("importer of cycle leaf");
