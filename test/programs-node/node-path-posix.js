// node:path (posix): normalize/join/resolve/relative/parse edge cases and errors.
const path = require("node:path");
const cases = ["", "/", "//a", "a/../../b", "/a/b/../..", "a/./b/", "..a.b", ".x", "a.b.", "/x/y.tar.gz", "/.."];
for (const p of cases) {
  const { root, dir, base, ext, name } = path.parse(p);
  console.log(JSON.stringify(p), path.normalize(p), path.dirname(p), path.basename(p), path.extname(p), root, dir, base, ext, name);
}
console.log(path.join("a", "", "../b", "/c/"), path.join(), path.resolve("/a/b", "../c", "./d"));
console.log(path.relative("/a/b/c", "/a/d"), path.relative("/a", "/a/b"), path.relative("/a/b", "/"), path.relative("/", "/x"));
console.log(path.basename("/x/a.js", ".js"), path.basename("a.js", "a.js"), path.format({ dir: "/d", name: "n", ext: "e" }));
console.log(path === path.posix, path.posix === require("path/posix"), path.sep, path.delimiter, Object.keys(path).length);
try { path.join("a", 1); } catch (e) { console.log(e.code, e.message); }
try { path.format(null); } catch (e) { console.log(e.message); }
