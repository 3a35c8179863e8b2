// Exit: process.exit(2) inside a loop stops the loop and skips finally blocks.
try {
  for (var i = 0; i < 10; i++) {
    console.log("iteration", i);
    if (i === 2) process.exit(2);
  }
} finally {
  console.log("finally is skipped by process.exit");
}
