// Uncaught: a rejection propagates through several awaits and is finally left unhandled.
async function level3() {
  await new Promise((r) => setTimeout(r, 0));
  throw new TypeError("deep failure");
}
async function level2() {
  try {
    return await level3();
  } finally {
    console.log("level2 finally");
  }
}
async function level1() {
  const v = await level2();
  console.log("never", v);
}
level1();
setTimeout(() => console.log("second timer: node reports the rejection before this runs"), 0);
console.log("started");
