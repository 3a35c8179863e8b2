// ArrayBuffer: construction, slice, isView, resizable buffers, inspection.
const b = new ArrayBuffer(4);
new Uint8Array(b).set([1, 2, 3, 4]);
console.log(b, b.byteLength, ArrayBuffer.isView(b), ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView(new Uint8Array(1)));
const s = b.slice(1, 3);
console.log(s, b.slice(-1), b.slice(), s === b);
try { new ArrayBuffer(-1); } catch (e) { console.log(e.constructor.name, e.message); }
try { ArrayBuffer(1); } catch (e) { console.log(e.constructor.name, e.message); }
try { ArrayBuffer.prototype.slice.call({}); } catch (e) { console.log(e.constructor.name, e.message); }
const r = new ArrayBuffer(2, { maxByteLength: 8 });
const tracking = new Uint8Array(r);
const fixed = new Uint8Array(r, 0, 2);
console.log(r.resizable, r.maxByteLength, b.resizable, b.maxByteLength, tracking.length);
r.resize(6);
tracking[5] = 9;
console.log(r.byteLength, tracking.length, fixed.length, tracking.join());
r.resize(1);
console.log(tracking.length, fixed.length, fixed.byteLength, fixed.byteOffset);
try { r.resize(9); } catch (e) { console.log(e.constructor.name, e.message); }
try { new ArrayBuffer(4, { maxByteLength: 2 }); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(new ArrayBuffer(60), [new ArrayBuffer(1)], { x: { y: { z: new ArrayBuffer(2) } } });
class MyBuffer extends ArrayBuffer {}
console.log(new MyBuffer(2), new MyBuffer(3).slice(1) instanceof MyBuffer);
console.log(Object.prototype.toString.call(b), String(b));
