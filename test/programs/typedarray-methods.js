// %TypedArray%.prototype methods.
const a = new Int16Array([5, -3, 8, 0, -3, 12]);
console.log(a.at(-1), a.at(10), a.indexOf(-3), a.lastIndexOf(-3), a.includes(8), a.includes(7));
console.log(a.join(), a.join(" / "), a.toString(), String(a));
console.log(a.slice(1, 3), a.slice(-2), a.subarray(2, 4), a.subarray(-1).byteOffset);
const sub = a.subarray(1, 3); sub[0] = 100; console.log(a[1]);
console.log(a.map((x) => x * 2), a.filter((x) => x > 0), a.find((x) => x < 0), a.findIndex((x) => x > 100));
console.log(a.findLast((x) => x < 0), a.findLastIndex((x) => x === 5), a.some((x) => x > 10), a.every((x) => x > -5));
console.log(a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "," + x, ""));
let seen = []; a.forEach((x, i, arr) => seen.push(i + ":" + x + ":" + (arr === a))); console.log(seen.join(" "));
console.log(new Float64Array([3, -0, 0, NaN, -Infinity, 1]).sort());
console.log(new Uint8Array([3, 1, 2]).sort((x, y) => y - x), new Int8Array([1, 2, 3]).reverse());
console.log(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3), new Uint8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3));
console.log(new Uint8Array(5).fill(7, 1, -1), new Float32Array(3).fill(1.5));
const t = new Uint8Array(6); t.set([1, 2]); t.set(new Uint8Array([9, 9]), 3); t.set(new Int16Array([-1]), 5);
console.log(t);
try { t.set([1, 2, 3], 5); } catch (e) { console.log(e.constructor.name, e.message); }
const orig = new Uint8Array([3, 1, 2]);
console.log(orig.toSorted(), orig.toReversed(), orig.with(0, 42), orig.with(-1, 7), orig);
try { orig.with(3, 1); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(Uint8Array.from([1, 2, 3], (x) => x * 10), Int8Array.of(1, -1, 300), Float64Array.from("123"));
console.log(Uint16Array.from({ length: 3 }, (_, i) => i * i));
try { Uint8Array.prototype.map.call([1], (x) => x); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Uint8Array(2).sort(1); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Uint8Array(0).reduce((x) => x); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(new Float64Array([1234.5]).toLocaleString(), [...new Uint8Array([1, 2]).values()]);
const TA = Object.getPrototypeOf(Uint8Array);
try { new TA(); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(TA.prototype[Symbol.iterator] === TA.prototype.values, TA.prototype.toString === Array.prototype.toString);
class Sub extends Uint8Array {
  static get [Symbol.species]() { return Uint16Array; }
}
console.log(new Sub([1, 2, 300]).map((x) => x * 300), new Sub([5, 6]).slice(1));
