// Tests multi-line template literals and escape sequences inside them.
var items = ["a", "b"];
var text = `line one
line two
  indented ${items.length}`;
console.log(text);
console.log(text.split("\n").length);
var t = `tab\there`;
console.log(t, t.length);
var html = `<ul>
${items.map(function (i) { return `  <li>${i}</li>`; }).join("\n")}
</ul>`;
console.log(html);
