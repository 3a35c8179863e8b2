// process answers "[object process]" (axios chooses its http adapter by it), has a
// prototype whose constructor is named "process", and stays an EventEmitter.
const EventEmitter = require("events");
console.log(Object.prototype.toString.call(process));
console.log(Object.getPrototypeOf(process).constructor.name);
console.log(process instanceof Object.getPrototypeOf(process).constructor);
process.on("custom", (x) => console.log("custom", x));
process.emit("custom", 1);
console.log(process instanceof EventEmitter, Object.keys(process).includes("constructor"));
const d = Object.getOwnPropertyDescriptor(process, Symbol.toStringTag);
console.log(d.value, d.writable, d.enumerable, d.configurable);
