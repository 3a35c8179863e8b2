// Uncaught: prints output, then calls an undefined function (uncaught TypeError).
console.log("before the crash");
var handlers = {};
function dispatch(name) {
  console.log("dispatching", name);
  return handlers[name]();
}
dispatch("missing");
console.log("never printed");
