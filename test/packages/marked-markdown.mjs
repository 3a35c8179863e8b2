// A markdown renderer from npm (marked, an ES module package) under Jaunt.
import { marked } from "marked";
const md = `# Jaunt

Some *emphasis*, **strong**, \`code\` and a [link](https://example.com).

- one
- two
  1. nested

\`\`\`js
const x = 1;
\`\`\`

| a | b |
|---|---|
| 1 | 2 |

> quoted
`;
console.log(marked.parse(md));
console.log(marked.parseInline("a _b_ <i>c</i>"));
