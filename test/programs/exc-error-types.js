// Tests the built-in Error types: name, message, instanceof relationships.
var ctors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (var i = 0; i < ctors.length; i++) {
  var e = new ctors[i]("msg" + i);
  console.log(e.name, e.message, e instanceof Error, e instanceof ctors[i], String(e));
}
var noMsg = new Error();
console.log(JSON.stringify(noMsg.message), String(noMsg));
var called = Error("without new");
console.log(called instanceof Error, called.message);
console.log(new TypeError("t") instanceof RangeError);
console.log(Object.prototype.toString.call(new RangeError("r")));
console.log(TypeError.prototype.name, Error.prototype.message === "");
