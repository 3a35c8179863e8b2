// Buffer is a constructor: Uint8Array's statics construct `this`.
const b = Buffer.of(1, 2, 250);
console.log(b, b instanceof Buffer, Buffer.isBuffer(b), Buffer.name, Buffer.length);
console.log(Buffer.from([1, 2]).map((x) => x * 2), b.subarray(1) instanceof Buffer);
console.log(typeof Buffer, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.prototype.constructor === Buffer);
