// Tests fill with start/end arguments and filling with objects.
var a = [1, 2, 3, 4, 5];
console.log(a.fill(0, 1, 3));
console.log([1, 2, 3].fill(9), [1, 2, 3].fill(7, -1));
var row = [0, 0, 0].fill(1, 5);
console.log(row);
var shared = [null, null].fill({});
shared[0].x = 1;
console.log(shared[1].x);
var grid = [];
for (var i = 0; i < 3; i++) grid.push([0, 0, 0].fill(i));
console.log(grid);
