// node:assert — Node 20's messages: assert.ok quotes its call, diffs of inspected values.
const assert = require("node:assert");
function t(f) { try { f(); console.log("passed"); } catch (e) { console.log(JSON.stringify(e.message), e.generatedMessage, e.operator); } }
t(() => assert(typeof 1 === "string"));
t(() => assert.ok());
t(() => assert.equal(1, 2));
t(() => assert.notEqual(1, "1"));
t(() => assert.strictEqual("hello world", "hello there"));
t(() => assert.strictEqual({ a: 1 }, { a: 1 }));
t(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] }));
t(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 9]));
t(() => assert.deepEqual({ a: 1 }, { a: "1" }));
t(() => assert.notDeepStrictEqual(new Set([1]), new Set([1])));
t(() => assert.strictEqual(1, 2, "my message"));
t(() => assert.fail("custom"));
t(() => assert.match("abc", /x/));
