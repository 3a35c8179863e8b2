// Tests generator methods in object literals and classes, including computed and static ones.
const obj = {
  items: ["a", "b"],
  *each() {
    for (const i of this.items) yield i.toUpperCase();
  },
  *["computed" + "Gen"]() {
    yield "computed";
  },
  *[Symbol.iterator]() {
    yield* this.items;
  },
};
console.log([...obj.each()].join(), [...obj.computedGen()].join(), [...obj].join());
console.log(obj.each.name, obj.computedGen.name);
class Tree {
  constructor(value, children = []) {
    this.value = value;
    this.children = children;
  }
  *preorder() {
    yield this.value;
    for (const c of this.children) yield* c.preorder();
  }
  *postorder() {
    for (const c of this.children) yield* c.postorder();
    yield this.value;
  }
  static *range(a, b) {
    while (a < b) yield a++;
  }
  *#secret() {
    yield "private gen";
  }
  callSecret() {
    return [...this.#secret()].join();
  }
}
const t = new Tree(1, [new Tree(2, [new Tree(4)]), new Tree(3)]);
console.log([...t.preorder()].join(" "), "|", [...t.postorder()].join(" "));
console.log([...Tree.range(3, 7)].join(","));
console.log(t.callSecret());
// generator methods keep `this`
const counter = {
  n: 0,
  *tick() {
    while (this.n < 3) yield ++this.n;
  },
};
console.log([...counter.tick()].join(), counter.n);
// detached generator method loses this (strict class body)
class Strict {
  *m() {
    yield this;
  }
}
const m = new Strict().m;
console.log(m().next().value);
// async-free generator prototypes: each generator function has its own prototype
console.log(Object.getPrototypeOf(t.preorder()) === Tree.prototype.preorder.prototype);
console.log(typeof Tree.prototype.preorder.prototype, Tree.prototype.preorder.prototype.constructor === undefined);
