// Tests slice, substring and substr with positive, negative and swapped indices.
var s = "JavaScript";
console.log(s.slice(0, 4), s.slice(4), s.slice(-6), s.slice(-6, -3), s.slice(5, 2));
console.log(s.substring(0, 4), s.substring(4, 0), s.substring(-3), s.substring(4, 100));
console.log(s.substr(4, 3), s.substr(-6, 2), s.substr(4));
console.log(JSON.stringify(s.slice(100)), JSON.stringify(s.substring(3, 3)));
console.log(s.slice(NaN, 2), s.substring(2, NaN));
