// A real parser from npm (acorn, also Jaunt's own front end) running under Jaunt.
const acorn = require("acorn");
const walk = require("acorn-walk");
const src = `
  const add = (a, b) => a + b;
  class Point { #x = 1; get x() { return this.#x; } static of(x) { return new Point(x); } }
  async function* gen() { for await (const v of [1, 2]) yield v ** 2; }
  export default { add, Point, gen };
`;
const ast = acorn.parse(src, { ecmaVersion: "latest", sourceType: "module" });
console.log(ast.body.map((n) => n.type).join(","));
const counts = {};
walk.full(ast, (node) => {
  counts[node.type] = (counts[node.type] || 0) + 1;
});
console.log(JSON.stringify(counts));
try {
  acorn.parse("let x = ;", { ecmaVersion: "latest" });
} catch (e) {
  console.log(e.name, e.message, e.pos);
}
const tokens = [...acorn.tokenizer("x = 1 + y", { ecmaVersion: "latest" })].map((t) => t.type.label);
console.log(tokens.join(" "));
