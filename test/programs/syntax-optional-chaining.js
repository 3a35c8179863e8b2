// Tests optional chaining on properties and computed keys with null/undefined and falsy values.
const data = { user: { name: "ann", address: null, tags: ["a", "b"], zero: 0, empty: "" } };
console.log(data?.user?.name);
console.log(data.user.address?.city);
console.log(data.user.missing?.deep.deeper.deepest);
console.log(data.user.tags?.[1], data.user.tags?.[5]);
const key = "name";
console.log(data.user?.[key], data.nope?.[key]);
console.log(data.user.zero?.toFixed(1), data.user.empty?.length);
let nothing = null;
console.log(nothing?.a, nothing?.[0], typeof nothing?.a);
let undef;
console.log(undef?.x.y.z);
console.log((undef?.x) === undefined);
// optional chaining does not guard the rest of the chain outside parentheses
try {
  console.log((undef?.x).y);
} catch (e) {
  console.log("parenthesised chain:", e.constructor.name);
}
// works on primitives
console.log("str"?.length, (5)?.toString(2), true?.valueOf());
// delete with optional chaining
const obj = { a: { b: 1 } };
console.log(delete obj?.a?.b, JSON.stringify(obj));
console.log(delete nothing?.a);
// optional chain with private field
class P {
  #x = "private x";
  static read(o) {
    return o?.#x;
  }
}
console.log(P.read(new P()), P.read(null));
// getters are invoked once
let reads = 0;
const g = {
  get inner() {
    reads++;
    return { v: "inner value" };
  },
};
console.log(g?.inner?.v, reads);
// ?. followed by a number is not an optional chain
const t = true ? .5 : 0;
console.log(t);
// optional chaining in assignment target is a SyntaxError; checked via typeof of a function
console.log(typeof ((o) => o?.a));
