// Shared dependency: must be evaluated exactly once.
globalThis.__evalLog = globalThis.__evalLog || [];
globalThis.__evalLog.push("shared");
export const sharedObj = { createdIn: "shared" };
