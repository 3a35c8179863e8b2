// Stores as statements (`o.x = v;`, `a[i] = v;`, fused with their POP) on objects whose
// mode a snapshot decode may change (a bound function is in dictionary mode when made,
// in fast mode when decoded; a deleted array element): the instruction count must be
// the same wherever the run is cut (test/fuse.test.ts cuts it at every instruction).
function f() {}
const b = f.bind(null);
b.x = 1;
b.y = 2;
const o = { p: 1, q: 2 };
delete o.p;
o.r = 3;
o.q = 4;
const a = [1, 2, 3];
delete a[1];
a[1] = 5;
a[3] = 6;
console.log(b.x + b.y, o.q + o.r, a.join());
