console.log(String(new TypeError("x")), Error.prototype.toString.call({ name: "N", message: 5 }));
console.log(Error.prototype.toString.name, Error.prototype.toString.length, String(Error.prototype.toString));
console.log(Object.getOwnPropertyNames(Error.prototype));
try { Error.prototype.toString.call(1); } catch (e) { console.log(e.message); }
const o = { get name() { throw new RangeError("boom"); } };
try { Error.prototype.toString.call(o); } catch (e) { console.log(e.constructor.name, e.message); }
class MyErr extends Error { get name() { return "Mine"; } }
console.log(`${new MyErr("m")}`);
