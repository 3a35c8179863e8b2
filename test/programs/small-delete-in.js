// Small: tests delete and in on an object.
var o = { k: 1, j: 2 };
console.log("k" in o, delete o.k, "k" in o, "j" in o);
