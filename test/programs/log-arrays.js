// Tests console.log formatting of short arrays with various element types.
console.log([1, 2, 3]);
console.log(["a", "b"]);
console.log([true, null, undefined]);
console.log([-0, NaN, 1.5]);
console.log([]);
console.log([[1, 2], [3]]);
console.log(["it's", "x"]);
console.log([1, "1", [1, "1"]]);
