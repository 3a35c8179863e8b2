// A utility library from npm (lodash) under Jaunt.
const _ = require("lodash");
const users = [
  { user: "barney", age: 36, active: true, tags: ["a", "b"] },
  { user: "fred", age: 40, active: false, tags: ["b"] },
  { user: "pebbles", age: 1, active: true, tags: [] },
];
console.log(_.map(_.sortBy(users, ["age"]), "user"));
console.log(_.groupBy(users, (u) => (u.active ? "on" : "off")));
console.log(_.chunk([1, 2, 3, 4, 5], 2), _.uniq([2, 1, 2]), _.flattenDeep([1, [2, [3, [4]]]]));
console.log(_.camelCase("Foo Bar-baz"), _.kebabCase("fooBar"), _.capitalize("hELLO"), _.padStart("7", 3, "0"));
console.log(_.merge({ a: { b: 1 } }, { a: { c: 2 } }), _.cloneDeep({ x: [1, { y: 2 }] }));
console.log(_.debounce instanceof Function, _.template("hi <%= name %>!")({ name: "jaunt" }));
console.log(_.isEqual({ a: [1, 2] }, { a: [1, 2] }), _.get({ a: { b: [5] } }, "a.b[0]"), _.range(0, 10, 3));
const memo = _.memoize((n) => n * 2);
console.log(memo(4), memo.cache.has(4), _.countBy(["one", "two", "three"], "length"));
