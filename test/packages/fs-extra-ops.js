// fs-extra in a temporary folder under os.tmpdir(): ensureDir, outputFile, outputJson,
// readJson, copy (recursive, with a filter), move, pathExists, emptyDir and remove,
// through its promise and sync APIs.
const os = require("os");
const path = require("path");
const fse = require("fs-extra");

async function main() {
  const root = await fse.mkdtemp(path.join(os.tmpdir(), "jaunt-fse-"));
  const at = (...p) => path.join(root, ...p);
  const list = (dir) => fse.readdirSync(dir).sort().join(",");
  try {
    await fse.ensureDir(at("a", "b", "c"));
    await fse.outputFile(at("a", "b", "note.txt"), "hello");
    await fse.outputJson(at("a", "data.json"), { x: 1, list: [1, 2] }, { spaces: 2 });
    console.log(await fse.readFile(at("a", "data.json"), "utf8"));
    console.log(JSON.stringify(await fse.readJson(at("a", "data.json"))));
    await fse.copy(at("a"), at("copy"), { filter: (src) => !src.endsWith(".json") });
    console.log(list(at("copy")), list(at("copy", "b")));
    fse.copySync(at("a", "data.json"), at("copy", "data2.json"));
    await fse.move(at("copy", "b", "note.txt"), at("moved.txt"));
    console.log(
      await fse.pathExists(at("moved.txt")),
      fse.pathExistsSync(at("copy", "b", "note.txt")),
    );
    fse.ensureFileSync(at("empty", "x", "f.txt"));
    await fse.emptyDir(at("empty"));
    console.log(list(root), list(at("empty")));
    await fse.remove(at("a"));
    fse.removeSync(at("copy"));
    console.log(list(root));
    try {
      await fse.readJson(at("missing.json"));
    } catch (e) {
      console.log(e.code);
    }
  } finally {
    await fse.remove(root);
  }
  console.log("exists after remove:", fse.existsSync(root));
}

main();
