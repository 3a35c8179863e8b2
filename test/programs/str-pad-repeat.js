// Tests padStart, padEnd and repeat for formatting.
console.log("5".padStart(3, "0"), "5".padEnd(3, "0"), "abc".padStart(2), "[" + "x".padStart(4) + "]");
console.log("7".padStart(6, "ab"), "7".padEnd(6, "ab"));
console.log("-".repeat(10), "ab".repeat(3), JSON.stringify("x".repeat(0)));
function row(label, value) { return label.padEnd(8, ".") + String(value).padStart(6); }
console.log(row("apples", 3));
console.log(row("pears", 120));
console.log(row("kiwis", 7.5));
function hex(n) { return "0x" + n.toString(16).padStart(4, "0").toUpperCase(); }
console.log(hex(255), hex(4096), hex(0));
