// Tests for-of over user-defined iterables: linked list, tree, and iterator reuse.
class Node {
  constructor(value, next = null) {
    this.value = value;
    this.next = next;
  }
}
class LinkedList {
  constructor(...vals) {
    this.head = null;
    for (let i = vals.length - 1; i >= 0; i--) this.head = new Node(vals[i], this.head);
  }
  [Symbol.iterator]() {
    let cur = this.head;
    return {
      next: () => {
        if (!cur) return { done: true, value: undefined };
        const value = cur.value;
        cur = cur.next;
        return { done: false, value };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }
}
const list = new LinkedList(1, 2, 3);
for (const v of list) console.log("list", v);
console.log([...list].join(","), [...list].length);
// tree in-order traversal with explicit stack
const tree = {
  v: 4,
  l: { v: 2, l: { v: 1 }, r: { v: 3 } },
  r: { v: 6, l: { v: 5 } },
  [Symbol.iterator]() {
    const stack = [];
    let node = this;
    return {
      next() {
        while (node) {
          stack.push(node);
          node = node.l;
        }
        if (!stack.length) return { done: true };
        const n = stack.pop();
        node = n.r;
        return { value: n.v, done: false };
      },
    };
  },
};
console.log([...tree].join(" "));
// iterator objects that are single-use
const once = [10, 20, 30][Symbol.iterator]();
for (const v of once) {
  console.log("once", v);
  if (v === 10) break;
}
for (const v of once) console.log("once again", v);
// for-of with let closures and continue
const fns = [];
for (const v of list) {
  if (v === 2) continue;
  fns.push(() => v);
}
console.log(fns.map((f) => f()).join(","));
// for-of over an object without Symbol.iterator
try {
  for (const x of { a: 1 }) console.log(x);
} catch (e) {
  console.log("plain object:", e.constructor.name);
}
// iterator method called with the iterable as this
const thisCheck = {
  items: ["t1", "t2"],
  [Symbol.iterator]() {
    return this.items[Symbol.iterator]();
  },
};
console.log([...thisCheck].join(","));
