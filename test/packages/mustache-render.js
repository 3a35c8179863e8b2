// A template engine from npm (mustache) under Jaunt.
const Mustache = require("mustache");
const view = {
  title: "Jaunt & friends",
  people: [
    { name: "Ada", langs: ["js", "ocaml"] },
    { name: "Linus", langs: [] },
  ],
  upper: () => (text, render) => render(text).toUpperCase(),
};
const template = `<h1>{{title}}</h1> {{{title}}}
{{#people}}
- {{name}}: {{#langs}}{{.}} {{/langs}}{{^langs}}(none){{/langs}}
{{/people}}
{{#upper}}hello {{title}}{{/upper}}
{{> footer}}`;
console.log(Mustache.render(template, view, { footer: "-- {{people.length}} people" }));
console.log(JSON.stringify(Mustache.parse("a {{b}} {{#c}}d{{/c}}")));
