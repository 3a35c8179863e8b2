// The first program: ordinary JavaScript, run by Jaunt's interpreter.
function greet(name) {
  return `Hello, ${name}!`;
}
const langs = ["JavaScript", "bytecode", "snapshots"];
console.log(greet("Jaunt"));
langs.forEach(function (what, i) {
  console.log(i + 1, what);
});
console.log({ frozen: "anywhere", resumed: "anywhere" });
