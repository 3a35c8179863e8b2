// Tests String() and Number() conversions of many values.
console.log(String(123), String(-0), String(1.5e300), String(1e-7), String(NaN));
console.log(String(null), String(undefined), String(true), String([1, [2, 3]]), String({}));
console.log(Number("  12  "), Number(""), Number("1_000"), Number("0b101"), Number("0o17"));
console.log(Number(null), Number(undefined), Number(true), Number([]), Number(["7"]), Number([1, 2]));
console.log(Number("1e1000"), Number("-1e1000"), Number(".e1"));
console.log(Number("12abc"), parseInt("12abc"), parseFloat("3.14xyz"));
console.log(String(0.000001), String(0.0000001), String(123456789012345680000));
console.log(String(1e21), String(-1e-7), String(100), String(2 ** 31));
console.log(Boolean(""), Boolean("0"), Boolean(0), Boolean(-0), Boolean(NaN), Boolean([]));
