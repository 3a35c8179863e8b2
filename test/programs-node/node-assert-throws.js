// node:assert — throws/rejects with classes, regexps, objects and validators; strict mode.
const assert = require("assert");
const strict = require("assert/strict");
function t(f) { try { f(); console.log("passed"); } catch (e) { console.log(JSON.stringify(e.message), e.code); } }
t(() => assert.throws(() => {}));
t(() => assert.throws(() => { throw new TypeError("x"); }, RangeError));
t(() => assert.throws(() => { throw new TypeError("bad"); }, { name: "TypeError", message: /ba/ }));
t(() => assert.throws(() => { throw new TypeError("bad"); }, { name: "RangeError", message: "bad" }));
t(() => assert.throws(() => { throw new Error("x"); }, (e) => e.message === "y"));
t(() => assert.doesNotThrow(() => { throw new Error("boom"); }));
t(() => assert.ifError(new Error("e")));
t(() => strict.equal(1, "1"));
console.log(assert === assert.ok, strict === assert.strict, strict.deepEqual === assert.deepStrictEqual);
assert.rejects(Promise.resolve(1)).catch((e) => console.log("rejects:", e.message));
assert.doesNotReject(async () => { throw new Error("r"); }).catch((e) => console.log("doesNotReject:", e.message));
assert.rejects(async () => { throw new RangeError("r"); }, RangeError).then(() => console.log("rejected as expected"));
