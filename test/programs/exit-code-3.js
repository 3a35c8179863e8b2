// Exit: sets process.exitCode = 3 and lets the program finish normally.
var result = [1, 2, 3].reduce(function (a, b) { return a + b; }, 0);
console.log("result", result);
process.exitCode = 3;
console.log("still runs after setting exitCode");
