// Found by the fuzzer: a snapshot taken after the main program has returned, while an
// unhandled rejection waits to be reported, left out the program's source (no live
// function of it remained), so the resumed run printed an empty source line in the
// report. The source of an error's site now travels with the error.
const total = [1, 2, 3].reduce((a, b) => a + b, 0);
console.log("total", total);
Promise.reject(new RangeError("unhandled at the end"));
