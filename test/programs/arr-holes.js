// Tests sparse arrays (holes) with length, in, forEach and join.
var h = [1, , 3, , 5];
console.log(h.length, 1 in h, 2 in h, h[1]);
var seen = [];
h.forEach(function (x, i) { seen.push(i); });
console.log(seen.join(","));
console.log(h.join("-"));
console.log(Object.keys(h).join(","));
var trailing = [1, 2, ,];
console.log(trailing.length);
var onlyHoles = [, ,];
console.log(onlyHoles.length, 0 in onlyHoles);
var filled = h.filter(function () { return true; });
console.log(filled.length, filled.join(""));
console.log(JSON.stringify(h));
