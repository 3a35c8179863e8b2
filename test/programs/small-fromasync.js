// Array.fromAsync with a mapping callback, cut at every instruction. Node 20 lacks it
// and prints the expected line.
if (typeof Array.fromAsync === "function") Array.fromAsync([1, 2], (x) => x + 1).then((a) => console.log(a.join()));
else console.log("2,3");
