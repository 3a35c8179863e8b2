// node:path win32: drive letters, UNC roots, namespaces, device names, relative().
const { win32 } = require("path");
const cases = ["C:", "C:\\", "c:a\\..\\..\\b", "\\\\srv\\share", "\\\\srv\\share\\x\\..", "//srv/sh/a.b", "\\\\?\\C:\\x\\..", "con:", "a/b\\c.d", "C:\\x.", "\\"];
for (const p of cases) {
  const { root, dir, base, ext } = win32.parse(p);
  console.log(JSON.stringify([p, win32.normalize(p), win32.dirname(p), win32.basename(p), win32.extname(p), win32.isAbsolute(p), root, dir, base, ext]));
}
console.log(JSON.stringify([win32.join("\\\\a", "b", "..\\c"), win32.join("//", "x"), win32.resolve("D:\\x", "C:\\a", "D:b", "..\\c"), win32.resolve("\\\\s\\sh\\a", "..\\..\\b")]));
console.log(JSON.stringify([win32.relative("C:\\a\\b", "C:\\a\\c"), win32.relative("C:\\A", "c:\\a\\B"), win32.relative("C:\\a", "D:\\a"), win32.toNamespacedPath("C:\\x"), win32.toNamespacedPath("\\\\s\\sh\\x")]));
console.log(win32.sep, win32.delimiter, win32.win32 === win32, win32.format({ root: "C:\\", base: "x" }));
