// Side-effect-only module imported with a bare import statement.
globalThis.__evalLog.push("c");
