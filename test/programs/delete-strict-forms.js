"use strict";
const o = { a: 1, b: 2 };
console.log(delete o.a, delete o["b"], delete o.zz, Object.keys(o));
const f = Object.freeze({ x: 1 });
try { delete f.x; } catch (e) { console.log(e.message); }
try { delete f["x"]; } catch (e) { console.log(e.message); }
try { delete "abc".length; } catch (e) { console.log(e.message); }
const p = new Proxy({ q: 1 }, { deleteProperty(t, k) { console.log("trap", k); return delete t[k]; } });
console.log(delete p.q, delete p[Symbol.iterator]);
