// Redefining properties: attributes, data to accessor and back, getOwnPropertyDescriptor.
const o = { a: 1, b: 2, c: 3 };
Object.defineProperty(o, "b", { enumerable: false });
console.log(Object.keys(o), o.b, JSON.stringify(Object.getOwnPropertyDescriptor(o, "b")));
Object.defineProperty(o, "a", { get() { return "got"; }, configurable: true, enumerable: true });
console.log(o.a, Object.keys(o));
Object.defineProperty(o, "a", { value: 10, writable: true });
console.log(o.a, JSON.stringify(Object.getOwnPropertyDescriptor(o, "a")));
o.a = 11;
console.log(o.a, Object.keys(o));
const q = {};
Object.defineProperty(q, "r", { value: 1 });
q.r = 2;
console.log(q.r, Object.keys(q), JSON.stringify(Object.getOwnPropertyDescriptor(q, "r")));
Object.defineProperty(q, "w", { value: 1, writable: true, enumerable: true, configurable: true });
Object.defineProperty(q, "w", { value: 2 });
console.log(q.w, Object.keys(q), delete q.r, delete q.w, Object.getOwnPropertyNames(q));
