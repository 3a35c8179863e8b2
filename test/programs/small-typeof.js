// Small: tests typeof on several value kinds.
var f = function () {};
console.log(typeof 1, typeof "s", typeof null, typeof undefined);
console.log(typeof {}, typeof f, typeof missing);
