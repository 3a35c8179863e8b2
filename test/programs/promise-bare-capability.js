// then() on intrinsic promises keeps the derived promise as its own capability and
// makes a promise's reaction list on its first reaction: the outcomes and their order.
var out = [];
var p = Promise.resolve(1);
p.then(function (v) { out.push("a" + v); return v + 1; }).then(function (v) { out.push("b" + v); });
p.then(undefined, undefined).then(function (v) { out.push("pass" + v); });
Promise.reject(new Error("x")).then(function () { out.push("no"); }).then(null, function (e) { out.push("caught " + e.message); });
p.then(function () { throw 7; }).catch(function (e) { out.push("thrown " + e); });
p.then(function () { return { then: function (r) { out.push("thenable"); r(5); } }; }).then(function (v) { out.push("via " + v); });
var q = Promise.resolve(2);
Object.defineProperty(q, "then", { get: function () { out.push("getter"); return Promise.prototype.then.bind(Promise.resolve(3)); } });
p.then(function () { return q; }).then(function (v) { out.push("getter gave " + v); });
var self; self = p.then(function () { return self; });
self.catch(function (e) { out.push(e.constructor.name); });
var pending, resolveLater;
pending = new Promise(function (r) { resolveLater = r; });
pending.then(function (v) { out.push("1st " + v); });
pending.then(function (v) { out.push("2nd " + v); });
pending.then(function (v) { out.push("3rd " + v); });
resolveLater("late");
class Sub extends Promise {}
Sub.resolve(4).then(function (v) { out.push("sub " + v); }).then(function () { out.push("sub is Sub: " + (this === undefined)); });
setTimeout(function () { console.log(out.join("\n")); }, 0);
