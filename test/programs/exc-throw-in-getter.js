// Tests exceptions thrown from getters, setters, valueOf and toString.
var o = {
  get bad() { throw new Error("getter failed"); },
  set bad(v) { throw new RangeError("setter got " + v); }
};
try { o.bad; } catch (e) { console.log(e.message); }
try { o.bad = 5; } catch (e) { console.log(e.name, e.message); }
var v = { valueOf: function () { throw new TypeError("no value"); } };
try { v + 1; } catch (e) { console.log(e.message); }
var s = { toString: function () { throw "string failure"; } };
try { String(s); } catch (e) { console.log(e); }
try { [1, 2].map(function (x) { if (x === 2) throw x * 10; return x; }); } catch (e) { console.log("callback threw", e); }
