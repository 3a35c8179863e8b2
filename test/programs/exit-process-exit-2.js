// Exit: calls process.exit(2) from a nested function; later code never runs.
function fail(reason) {
  console.log("fatal:", reason);
  process.exit(2);
  console.log("not reached inside fail");
}
console.log("starting");
fail("bad config");
console.log("not reached after fail");
