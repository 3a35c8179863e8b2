// Tests strict equality === and !== including NaN, -0, and reference identity.
console.log(1 === 1);
console.log(1 === "1");
console.log(null === undefined);
console.log(NaN === NaN);
console.log(0 === -0);
console.log("a" + "b" === "ab");
var x = { k: 1 };
var y = x;
console.log(x === y, x === { k: 1 });
console.log([] === []);
console.log(undefined === void 0);
console.log(true !== 1);
console.log(typeof null === "object");
function f() {}
console.log(f === f, function () {} === function () {});
