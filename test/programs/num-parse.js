// Tests parseInt and parseFloat edge cases.
console.log(parseInt("42"), parseInt("  42  "), parseInt("42px"), parseInt("px42"));
console.log(parseInt("-17"), parseInt("+17"), parseInt("0x1A"), parseInt("1e3"));
console.log(parseInt("3.99"), parseInt(""), parseInt("08"), parseInt("12", 3));
console.log(parseInt(0.0000005), parseInt("9007199254740993"), parseInt(null), parseInt("Infinity"));
console.log(parseFloat("3.14"), parseFloat("3.14.15"), parseFloat(".5"), parseFloat("-.5e2"));
console.log(parseFloat("1e3xyz"), parseFloat("Infinity"), parseFloat("abc"), parseFloat("  7  "));
console.log(Number.parseInt === parseInt, Number.parseFloat("2.5"));
console.log(["1", "2", "3"].map(parseInt));
