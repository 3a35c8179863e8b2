// Tests numeric separators in decimal, hex, octal, binary, exponent and BigInt literals.
console.log(1_000_000, 1_0.0_1, 0.000_001, 1e1_0);
console.log(0xFF_FF, 0b1010_0101, 0o7_7_7, 0XA_B);
console.log(1_000n, 0xFF_FFn, 0b1_1n);
console.log(9_007_199_254_740_993n);
console.log(Number("1_000"), parseInt("1_000"), parseFloat("1_5.5"));
console.log(+"0x1_0", Number("0b1_0"));
console.log(1_1 + 2_2, typeof 1_000);
const cents = 12_345_67;
console.log(cents / 100);
console.log(String(1_000_000).length, (1_234.5_6).toFixed(2));
