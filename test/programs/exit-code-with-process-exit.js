// Exit: process.exit() with no argument uses the previously set process.exitCode (3).
process.exitCode = 3;
console.log("exitCode set");
process.exit();
console.log("not printed");
