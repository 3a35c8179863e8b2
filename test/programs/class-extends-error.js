// Tests subclassing Error: name, message, instanceof, cause, and toString.
class AppError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}
class NotFound extends AppError {
  constructor(what) {
    super(what + " not found", 404);
    this.name = "NotFound";
  }
}
const e1 = new AppError("generic", 500);
console.log(e1.message, e1.code, e1.name, e1 instanceof Error, e1 instanceof AppError);
console.log(String(e1));
const e2 = new NotFound("page");
console.log(e2.message, e2.code, e2.name, e2 instanceof AppError, e2 instanceof Error);
console.log(e2.toString());
console.log(Object.prototype.toString.call(e2));
console.log(Object.keys(e2).join(","));
console.log(Object.getOwnPropertyDescriptor(e2, "message").enumerable);
console.log(typeof e2.stack);
try {
  throw new NotFound("user");
} catch (err) {
  console.log(err.constructor.name, err.message, err instanceof NotFound);
}
// name defined on the prototype instead of instance
class ValidationError extends Error {}
ValidationError.prototype.name = "ValidationError";
const v = new ValidationError("bad input");
console.log(v.toString(), v.hasOwnProperty("name"));
// cause option
const withCause = new AppError("outer", 1);
const e3 = new Error("wrapper", { cause: withCause });
console.log(e3.cause === withCause, e3.cause.message, "cause" in new Error("x"));
class Chained extends Error {
  constructor(msg, opts) {
    super(msg, opts);
  }
}
const e4 = new Chained("c", { cause: "root" });
console.log(e4.cause, e4.hasOwnProperty("cause"));
// undefined message does not create an own property
const e5 = new AppError();
console.log(e5.hasOwnProperty("message"), JSON.stringify(e5.message));
// extending built-in subclasses
class MyRange extends RangeError {}
const r = new MyRange("out");
console.log(r instanceof RangeError, r instanceof Error, r.name, r.toString());
class MyAgg extends AggregateError {}
const ag = new MyAgg([1, 2], "many");
console.log(ag.errors.length, ag.message, ag.name);
