// Algorithm: builds a formatted text report from inventory data.
var items = [
  { name: "Widget", qty: 12, price: 2.5 },
  { name: "Gadget", qty: 3, price: 19.99 },
  { name: "Doohickey", qty: 0, price: 7 },
  { name: "Thing", qty: 40, price: 0.35 }
];
var lines = [];
lines.push("Item".padEnd(10) + "Qty".padStart(5) + "Total".padStart(10));
lines.push("-".repeat(25));
var grand = 0;
items.forEach(function (it) {
  var total = it.qty * it.price;
  grand += total;
  lines.push(it.name.padEnd(10) + String(it.qty).padStart(5) + total.toFixed(2).padStart(10));
});
lines.push("-".repeat(25));
lines.push("TOTAL".padEnd(15) + grand.toFixed(2).padStart(10));
console.log(lines.join("\n"));
var outOfStock = items.filter(function (i) { return i.qty === 0; }).map(function (i) { return i.name; });
console.log(`Out of stock: ${outOfStock.join(", ") || "none"}`);
