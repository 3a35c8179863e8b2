// Small: tests array indexing, length and push.
var arr = [10, 20, 30];
arr[1] = 25;
arr.push(40);
console.log(arr, arr.length, arr[3], arr[9]);
