// Tests nested arrays: access, mutation and copying behaviour.
var m = [[1, 2], [3, 4]];
console.log(m[1][0], m.length, m[0].length);
m[0][1] = 20;
console.log(m);
var shallow = m.slice();
shallow[0][0] = 100;
shallow[1] = ["new"];
console.log(m, shallow);
var deep = m.map(function (r) { return r.slice(); });
deep[0][0] = -1;
console.log(m[0][0], deep[0][0]);
var jag = [[1], [1, 2], [1, 2, 3]];
console.log(jag.map(function (r) { return r.length; }));
console.log([[[]]].length, [[[]]][0][0].length);
