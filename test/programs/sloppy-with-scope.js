// Tests `with` scope subtleties: Symbol.unscopables, prototype properties, deleted props, getters.
var values = "outer values";
var keys = "outer keys";
var arr = [1, 2, 3];
with (arr) {
  console.log(length, typeof values, typeof keys, typeof push);
}
var unsc = { hidden: "obj hidden", shown: "obj shown", [Symbol.unscopables]: { hidden: true } };
var hidden = "outer hidden";
with (unsc) {
  console.log(hidden, shown);
}
// inherited properties are in scope
var proto = { inherited: "from proto" };
var child = Object.create(proto);
var inherited = "outer inherited";
with (child) {
  console.log(inherited);
}
// a property deleted while inside `with` falls back to outer scope
var tmp = { z: "obj z" };
var z = "outer z";
with (tmp) {
  console.log(z);
  delete tmp.z;
  console.log(z);
}
// getters on the with object are invoked on each read
var reads = 0;
var getterObj = {
  get g() {
    reads++;
    return "g" + reads;
  },
};
with (getterObj) {
  console.log(g, g, reads);
}
// compound assignment reads and writes the object property
var counterObj = { count: 1 };
with (counterObj) {
  count += 5;
  count++;
}
console.log(counterObj.count);
// typeof of an unresolvable name inside with
with ({}) {
  console.log(typeof definitelyNotDefined);
}
// function declared inside with block
with ({ fnProp: "prop" }) {
  function declaredInWith() {
    return typeof fnProp;
  }
}
console.log(declaredInWith());
