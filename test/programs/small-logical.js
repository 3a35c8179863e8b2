// Small: tests &&, || and ?? returning operand values.
console.log(0 || "a", 1 && "b", null ?? "c");
console.log("" && "x", 0 ?? "y", undefined || null);
