// Tests distinguishing missing properties from properties set to undefined.
var o = { present: undefined, zero: 0, empty: "" };
console.log(o.present, o.absent, o.present === o.absent);
console.log("present" in o, "absent" in o);
console.log(o.hasOwnProperty("present"), Object.keys(o).length);
console.log(o.zero || "fallback", o.zero ?? "fallback", o.empty ?? "fallback");
console.log(JSON.stringify(o));
delete o.present;
console.log("present" in o, Object.keys(o));
var arr = [undefined];
var sparse = [];
sparse.length = 1;
console.log(arr.length, sparse.length, 0 in arr, 0 in sparse);
