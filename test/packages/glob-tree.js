// glob 10 over a small tree made under os.tmpdir(): sync and promise APIs, ** and
// brace patterns, ignore, dot files, directories only, absolute results.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { glob, globSync } = require("glob");

const root = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-glob-"));
for (const file of [
  "a.js",
  "b.ts",
  "src/c.js",
  "src/d.json",
  "src/lib/e.js",
  "src/lib/.hidden.js",
  "docs/readme.md",
  "node_modules/m/index.js",
]) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), file);
}

const show = (list) =>
  list
    .map((p) => p.split(path.sep).join("/"))
    .sort()
    .join(" ");

async function main() {
  console.log(show(globSync("**/*.js", { cwd: root, ignore: "node_modules/**" })));
  console.log(show(globSync("**/*.js", { cwd: root, dot: true, ignore: ["node_modules/**"] })));
  console.log(show(await glob("src/**/*.{js,json}", { cwd: root })));
  console.log(show(await glob("*/", { cwd: root, mark: true })));
  const abs = await glob("docs/*.md", { cwd: root, absolute: true });
  console.log(
    abs.length,
    abs.every((p) => path.isAbsolute(p) && p.startsWith(root)),
  );
  console.log(show(globSync("**", { cwd: root, nodir: true, ignore: "node_modules/**" })));
}

main().finally(() => fs.rmSync(root, { recursive: true, force: true }));
