// Tests <<, >> and >>> including sign handling and shift-count masking.
console.log(1 << 3, 1 << 31, 1 << 32, 1 << 33);
console.log(-16 >> 2, -16 >>> 2);
console.log(-1 >>> 0, -1 >>> 28);
console.log(256 >> 4, 256 >>> 4);
console.log(5 << -1);
console.log(1 >>> 0, 4294967296 >>> 0, 4294967297 >>> 0);
console.log("8" >> 1, "8" << "2");
console.log(-2147483648 >> 31, -2147483648 >>> 31);
var x = 0x12345678;
console.log((x >>> 24) & 0xff, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
console.log(3.9 << 1, -3.9 >> 0);
