// Timer delays are whole milliseconds, as in Node (1, 1.1 and 1.8 share one list and run
// in the order they were set); a callback that is not a function is Node's
// ERR_INVALID_ARG_TYPE, its message showing what was received.
const order = [];
setTimeout(() => order.push(1), 1);
setTimeout(() => order.push(2), 1.8);
setTimeout(() => order.push(3), 1.1);
setTimeout(() => order.push(4), 1);
setTimeout(() => order.push("2.9"), 2.9);
setTimeout(() => order.push("2"), 2);

// Due at 1, 2 and 3 ms: its third run comes after every timer above, however late.
let n = 0;
const iv = setInterval(() => {
  if (++n === 3) {
    clearInterval(iv);
    console.log("interval of 1.5 ran", n, "times");
    console.log(order.join(" "));
  }
}, 1.5);

for (const v of ["foo", { a: 1 }, undefined, null, false, 5n, 7]) {
  for (const f of [setTimeout, setInterval, setImmediate]) {
    try {
      f(v, 1);
    } catch (e) {
      console.log(f.name, e.name, e.code, e.message);
    }
  }
}
