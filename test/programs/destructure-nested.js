// Tests deeply nested destructuring patterns mixing arrays and objects.
const response = {
  status: 200,
  body: {
    users: [
      { id: 1, name: "ann", tags: ["admin", "dev"], address: { city: "Oslo" } },
      { id: 2, name: "bob", tags: [], address: { city: "Rome" } },
    ],
    page: { n: 1, of: 3 },
  },
};
const {
  status,
  body: {
    users: [
      {
        name: firstName,
        tags: [firstTag, ...otherTags],
        address: { city },
      },
      { name: secondName, tags: [secondTag = "no-tag"] },
    ],
    page: { n: pageNo, of: pages },
  },
} = response;
console.log(status, firstName, firstTag, otherTags.join(","), city);
console.log(secondName, secondTag, pageNo + "/" + pages);
const matrix = [
  [1, 2],
  [3, 4],
];
const [[m00, m01], [m10, m11]] = matrix;
console.log(m00 * m11 - m01 * m10);
for (const {
  id,
  address: { city: c },
} of response.body.users) {
  console.log(id, c);
}
// nested defaults at several levels
const { a: { b: { c = "deep" } = {} } = {} } = { a: {} };
console.log(c);
const [[x = 1] = [], { y = 2 } = {}] = [];
console.log(x, y);
// nested destructuring failure on undefined inner value
try {
  const {
    missing: { prop },
  } = {};
  console.log(prop);
} catch (e) {
  console.log("nested from undefined:", e.constructor.name);
}
// nested assignment pattern swaps deeply
const o = { p: [1, 2], q: { r: 3 } };
[o.p[0], o.q.r] = [o.q.r, o.p[0]];
console.log(JSON.stringify(o));
// arrays of pairs to object
const pairs = [
  ["k1", { v: 1 }],
  ["k2", { v: 2 }],
];
const result = {};
for (const [key, { v }] of pairs) result[key] = v * 10;
console.log(JSON.stringify(result));
