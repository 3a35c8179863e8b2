// A YAML library from npm (yaml) under Jaunt.
const YAML = require("yaml");
const doc = YAML.parse(`
name: jaunt
version: 1.2
tags: [vm, snapshot]
nested:
  a: 1
  b: [true, null, ~]
  text: |
    line one
    line two
anchors:
  base: &b { x: 1 }
  copy: *b
`);
console.log(JSON.stringify(doc));
console.log(YAML.stringify({ list: [1, "two", { three: 3 }], str: "multi\nline", empty: {} }));
try {
  YAML.parse("a: [1, 2");
} catch (e) {
  console.log(e.name, e.code);
}
