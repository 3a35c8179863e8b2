// Tests Error.prototype.toString with changed name and message.
var e = new Error("base");
console.log(String(e), e + "");
e.name = "Custom";
console.log(String(e));
e.message = "";
console.log(String(e));
e.name = "";
e.message = "only message";
console.log(String(e));
var t = new TypeError("typed");
t.message = "changed";
console.log(`${t}`);
console.log(Error.prototype.toString.call({ name: "Fake", message: "object" }));
var noName = new Error("x");
noName.name = undefined;
console.log(String(noName));
