// Tests subclassing Array: length tracking, species for map/filter, isArray, instanceof.
class Stack extends Array {
  peek() {
    return this[this.length - 1];
  }
  get top() {
    return this.peek();
  }
}
const s = new Stack();
console.log(s.length, Array.isArray(s), s instanceof Stack, s instanceof Array);
s.push(1, 2, 3);
console.log(s.length, s.peek(), s.top, s.join("|"));
s[10] = "x";
console.log(s.length);
s.length = 2;
console.log(s.length, s.join(","));
const m = s.map((x) => x * 10);
console.log(m instanceof Stack, m.constructor.name, m.join(","), m.top);
const f = s.filter((x) => x > 1);
console.log(f instanceof Stack, f.length);
const sl = s.slice(0, 1);
console.log(sl instanceof Stack, sl.length);
const c = s.concat([9]);
console.log(c instanceof Stack, c.join(","));
console.log(Stack.from([4, 5]) instanceof Stack, Stack.of(7, 8).top);
const one = new Stack(3);
console.log(one.length, one[0]);
const two = new Stack(3, 4);
console.log(two.length, two.join(","));
// Symbol.species override back to Array
class Plain extends Array {
  static get [Symbol.species]() {
    return Array;
  }
}
const pl = Plain.from([1, 2, 3]);
const mapped = pl.map((x) => x);
console.log(pl instanceof Plain, mapped instanceof Plain, mapped instanceof Array);
// spreading and iteration work normally
console.log([...s].length, JSON.stringify(s));
for (const v of Stack.of("a", "b")) console.log("item", v);
console.log(Object.prototype.toString.call(s));
