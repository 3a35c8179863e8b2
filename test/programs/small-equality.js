// Small: tests == versus === on a few coercing pairs.
console.log(1 == "1", 1 === "1");
console.log(null == undefined, null === undefined);
console.log(NaN == NaN, 0 == -0);
