// Tests Error message coercion, own properties and added fields.
console.log(new Error(42).message, typeof new Error(42).message);
console.log(JSON.stringify(new Error(undefined).message), new Error(null).message);
var e = new Error("base");
console.log(e.hasOwnProperty("message"), e.hasOwnProperty("name"), e.name);
e.code = "E_CODE";
e.details = { retry: true };
console.log(e.code, e.details.retry);
console.log(JSON.stringify({ code: e.code, message: e.message }));
var t = new TypeError("type");
console.log(Object.getPrototypeOf(t) === TypeError.prototype);
console.log(Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
