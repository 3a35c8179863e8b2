// Tests JSON.stringify of a record-like data structure built in a loop.
var inventory = [];
var names = ["bolt", "nut", "gear"];
for (var i = 0; i < names.length; i++) {
  inventory.push({ sku: "S" + (i + 1), name: names[i], qty: (i + 1) * 10, price: 0.25 * (i + 1) });
}
inventory[2].discontinued = true;
console.log(JSON.stringify(inventory));
console.log(JSON.stringify({ count: inventory.length, first: inventory[0] }, null, 1));
var s = JSON.stringify(inventory);
console.log(s.length, s.charAt(0), s.charAt(s.length - 1));
