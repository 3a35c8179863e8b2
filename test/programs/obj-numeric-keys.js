// Tests numeric property keys being converted to strings.
var o = {};
o[1] = "one";
o["1"] = "ONE";
o[1.0] = "still one";
o[0.5] = "half";
o[-0] = "zero";
o[1e21] = "big";
console.log(o[1], o["0.5"], o["0"], o["1e+21"]);
console.log(Object.keys(o));
var arr = ["a", "b"];
console.log(arr["1"], arr[1.0], arr["01"]);
var t = { true: "bool key", null: "null key", undefined: "undef key" };
console.log(t[true], t[null], t[undefined]);
var objKey = {};
var m = {};
m[objKey] = "obj";
console.log(Object.keys(m));
