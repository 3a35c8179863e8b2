// Tests JSON.stringify calling toJSON methods and getters.
var money = { amount: 5, currency: "EUR", toJSON: function () { return this.amount + " " + this.currency; } };
console.log(JSON.stringify(money));
console.log(JSON.stringify({ price: money, list: [money] }));
var withGetter = { get computed() { return 6 * 7; }, plain: 1 };
console.log(JSON.stringify(withGetter));
var keyed = { toJSON: function (key) { return "key=" + key; } };
console.log(JSON.stringify({ a: keyed, b: [keyed] }));
var boxed = { toJSON: function () { return undefined; } };
console.log(JSON.stringify({ x: boxed, y: 1 }));
