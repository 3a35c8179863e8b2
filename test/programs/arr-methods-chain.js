// Tests chained array methods on a small data set.
var orders = [
  { id: 1, item: "pen", qty: 3, price: 1.5 },
  { id: 2, item: "book", qty: 1, price: 12 },
  { id: 3, item: "pen", qty: 10, price: 1.5 },
  { id: 4, item: "mug", qty: 2, price: 6 }
];
var totals = orders.map(function (o) { return { item: o.item, total: o.qty * o.price }; });
console.log(totals.map(function (t) { return t.total; }));
var big = totals.filter(function (t) { return t.total >= 12; }).map(function (t) { return t.item; });
console.log(big);
var byItem = orders.reduce(function (acc, o) {
  acc[o.item] = (acc[o.item] || 0) + o.qty;
  return acc;
}, {});
console.log(byItem);
var sorted = orders.slice().sort(function (a, b) { return b.qty * b.price - a.qty * a.price; })
  .map(function (o) { return o.id; });
console.log(sorted.join(" > "));
console.log(orders.some(function (o) { return o.qty > 5; }), orders.every(function (o) { return o.price > 1; }));
