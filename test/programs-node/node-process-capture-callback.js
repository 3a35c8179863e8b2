// process.setUncaughtExceptionCaptureCallback takes uncaught exceptions instead of the
// 'uncaughtException' listeners; null clears it.
process.on("uncaughtException", (e) => console.log("listener:", e.message));
console.log(process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback((e) => console.log("captured:", e.message));
console.log(process.hasUncaughtExceptionCaptureCallback());
for (const bad of [() => process.setUncaughtExceptionCaptureCallback(() => {}), () => process.setUncaughtExceptionCaptureCallback(5)]) {
  try {
    bad();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
setTimeout(() => {
  throw new Error("first");
}, 1);
setTimeout(() => {
  process.setUncaughtExceptionCaptureCallback(null);
  console.log(process.hasUncaughtExceptionCaptureCallback());
  setTimeout(() => {
    throw new Error("second");
  }, 1);
}, 5);
