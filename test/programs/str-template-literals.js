// Tests untagged template literals with expressions and coercion.
var name = "Ada", n = 3;
console.log(`Hello ${name}!`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`nested ${`inner ${n * 2}`} done`);
console.log(`${null} ${undefined} ${true} ${[1, 2]} ${{}}`);
var obj = { toString: function () { return "custom"; }, valueOf: function () { return 99; } };
console.log(`${obj}`, "" + obj);
console.log(`cond: ${n > 2 ? "big" : "small"}`);
console.log(`escaped \${not} and \` backtick`);
console.log(`${"a"}${"b"}${"c"}`, `${0.1 + 0.2}`, `${-0}`);
function greet(p) { return `Dear ${p.title} ${p.last},`; }
console.log(greet({ title: "Dr.", last: "Who" }));
