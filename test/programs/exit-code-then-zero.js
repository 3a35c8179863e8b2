// Exit: exitCode set then overwritten; the final value 0 is used.
process.exitCode = 5;
console.log("set to 5");
process.exitCode = 0;
console.log("reset to 0");
