// assert builds its AssertionError with null-prototype property descriptors, so `get`
// or `set` added to Object.prototype (node's test-assert-fail does it) change nothing.
const assert = require("assert");
Object.prototype.get = function () {
  throw new Error("get must not be read");
};
Object.prototype.set = undefined;
for (const fn of [
  () => assert.fail(""),
  () => assert.strictEqual(1, 2),
  () => assert.ok(false, "msg"),
]) {
  try {
    fn();
  } catch (e) {
    console.log(e.code, e.name, JSON.stringify(e.message.split("\n")[0]));
  }
}
delete Object.prototype.get;
delete Object.prototype.set;
