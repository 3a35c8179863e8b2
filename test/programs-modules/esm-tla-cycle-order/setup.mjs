globalThis.logs = [];
