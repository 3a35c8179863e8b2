// Tests when Symbol.iterator is looked up and called: once per loop, through getters and prototypes.
let lookups = 0;
let calls = 0;
const obj = {
  get [Symbol.iterator]() {
    lookups++;
    return function () {
      calls++;
      return [1, 2, 3][Symbol.iterator]();
    };
  },
};
for (const v of obj);
console.log(lookups, calls);
[...obj];
const [a] = obj;
Array.from(obj);
new Set(obj);
console.log(lookups, calls);
// Symbol.iterator inherited through the prototype chain
const proto = {
  *[Symbol.iterator]() {
    yield this.tag;
  },
};
const child = Object.create(proto);
child.tag = "child tag";
console.log([...child].join());
// overriding Array.prototype[Symbol.iterator] on an instance
const arr = [1, 2, 3];
Object.defineProperty(arr, Symbol.iterator, {
  value: function* () {
    yield "custom";
  },
});
console.log([...arr].join(), arr.length, Array.from(arr).join(), [].concat(arr).length);
// Symbol.iterator set to undefined makes arrays non-iterable
const blocked = [1, 2];
blocked[Symbol.iterator] = undefined;
try {
  [...blocked];
} catch (e) {
  console.log("blocked:", e.constructor.name, Array.from(blocked).join(""));
}
// strings: boxed string with own iterator
const str = new String("abc");
str[Symbol.iterator] = function* () {
  yield "own";
};
console.log([...str].join(), [..."abc"].join());
// class with iterator on prototype, shadowed on instance
class It {
  *[Symbol.iterator]() {
    yield "proto";
  }
}
const i1 = new It();
const i2 = new It();
i2[Symbol.iterator] = function* () {
  yield "instance";
};
console.log([...i1].join(), [...i2].join());
