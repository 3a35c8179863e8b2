const a = [1, 2];
console.log(a.push(3, 4), a, [].push(), Array.prototype.push.length, Array.prototype.push.name);
const like = { length: 2, 0: "a", 1: "b" };
console.log(Array.prototype.push.call(like, "c"), like);
const frozen = Object.freeze([1]);
try { frozen.push(2); } catch (e) { console.log(e.constructor.name, e.message); }
class Stack extends Array {}
const s = new Stack(); s.push(1, 2); console.log(s.length, s instanceof Stack, s);
Object.defineProperty(Array.prototype, "3", { set(v) { console.log("setter", v); }, configurable: true });
const b = [0, 1, 2]; b.push("x"); console.log(b.length, b[3]);
delete Array.prototype[3];
const big = { length: 2 ** 53 - 1 };
try { Array.prototype.push.call(big, 1); } catch (e) { console.log(e.constructor.name, e.message); }
var x;
x = []; x.length = 4294967295;
try { x.push(); console.log("no error", x.length); } catch (e) { console.log(e.constructor.name, e.message); }
try { x.push("x"); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message, x[4294967295], x.length); }
x = []; x.length = 4294967295;
try { x.length = 4294967296; console.log("no error"); } catch (e) { console.log(e.constructor.name); }
try { x[4294967295] = "x"; x.length = 4294967296; console.log("no error2", x.length); } catch (e) { console.log(e.constructor.name); }
