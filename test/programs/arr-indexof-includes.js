// Tests indexOf, lastIndexOf and includes, including fromIndex and NaN.
var a = [1, 2, 3, 2, 1, NaN];
console.log(a.indexOf(2), a.indexOf(2, 2), a.indexOf(9), a.indexOf("2"));
console.log(a.lastIndexOf(2), a.lastIndexOf(1, 3), a.lastIndexOf(9));
console.log(a.includes(3), a.includes(NaN), a.indexOf(NaN), a.includes(2, 4));
console.log(a.indexOf(1, -2), a.includes(1, -1));
var o = { k: 1 };
console.log([o].indexOf(o), [{ k: 1 }].indexOf(o));
console.log([undefined].includes(), [, 1].includes(undefined), [, 1].indexOf(undefined));
