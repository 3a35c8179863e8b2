// process.exit runs exit listeners once; an uncaught error gives them code 1.
process.on("exit", (c) => {
  console.log("exit listener", c, process.exitCode);
  process.exit(9);
});
console.log(typeof process.uptime(), process.uptime() >= 0, process.hrtime.bigint() > 0n);
setTimeout(() => process.exit(2), 1);
