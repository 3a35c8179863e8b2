// Tests user-defined error types built with constructor functions.
function ValidationError(field, message) {
  this.name = "ValidationError";
  this.field = field;
  this.message = message;
}
ValidationError.prototype = Object.create(Error.prototype);
ValidationError.prototype.constructor = ValidationError;
function validate(user) {
  if (!user.name) throw new ValidationError("name", "name is required");
  if (user.age < 0) throw new ValidationError("age", "age must be >= 0");
  return "valid";
}
var inputs = [{ name: "a", age: 1 }, { age: 3 }, { name: "b", age: -1 }];
inputs.forEach(function (u) {
  try {
    console.log(validate(u));
  } catch (e) {
    console.log(e instanceof ValidationError, e instanceof Error, e.field, String(e));
  }
});
function HttpError(status) {
  var e = new Error("HTTP " + status);
  e.name = "HttpError";
  e.status = status;
  return e;
}
try {
  throw HttpError(404);
} catch (e) {
  console.log(e.name, e.status, e.message, String(e));
}
