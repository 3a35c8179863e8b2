// Tests console.log of individual primitive values.
console.log(42);
console.log(-3.5);
console.log("plain string");
console.log("");
console.log(true);
console.log(false);
console.log(null);
console.log(undefined);
console.log(NaN);
console.log(-0);
console.log(1e21);
console.log(0.000001);
console.log(1e-7);
console.log("  spaces  ");
console.log("multi\nline");
