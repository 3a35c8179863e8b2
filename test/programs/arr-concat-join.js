// Tests concat flattening one level and join with separators and nullish elements.
var a = [1, 2];
var b = a.concat(3, [4, 5], [[6]]);
console.log(b.length, b[5], a.length);
console.log([].concat([], []).length);
console.log([1, null, undefined, 2].join("-"));
console.log([[1, 2], [3]].join(";"));
console.log([1, 2, 3].join(", "), ["only"].join("+"), [].join("x") === "");
var c = a.concat();
c.push(99);
console.log(a, c);
