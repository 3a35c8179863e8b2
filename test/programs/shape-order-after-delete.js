// Property order after deletes and re-adds, in fast and dictionary mode alike.
const o = { b: 1, a: 2, 2: "two", c: 3, 0: "zero" };
delete o.c; // the last one added: fast mode keeps going
o.d = 4;
console.log(Object.keys(o), JSON.stringify(o));
delete o.b; // not the last: dictionary mode
o.b = 5;
o[1] = "one";
const s = Symbol("s");
o[s] = 6;
o.e = 7;
console.log(Object.keys(o), Reflect.ownKeys(o).length, JSON.stringify(o));
for (const k in o) console.log("in", k, o[k]);
const p = { x: 1, y: 2 };
delete p.y;
delete p.x;
p.y = 3;
p.x = 4;
console.log(Object.entries(p), "x" in p, p.hasOwnProperty("y"));
