// URLSearchParams iterators: live over the list, Node's inspect output.
const p = new URLSearchParams("a=1&b=2&c=3");
const it = p.entries();
console.log(it, Object.prototype.toString.call(it), it[Symbol.iterator]() === it);
console.log(it.next(), p.keys(), p.values());
p.append("d", "4");
console.log([...it], it.next(), it);
console.log(p[Symbol.iterator] === p.entries, Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
console.log(new URLSearchParams("x=" + "y".repeat(80)).keys(), new URLSearchParams("x=" + "y".repeat(80)).entries());
console.log({ deep: { er: p.entries() } }, new URLSearchParams().values());
