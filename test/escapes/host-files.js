// Module loading must not reach the host file system under the embedding defaults:
// requiring or importing a host file by absolute path, relative path, bare package
// name, directory, file: URL or through createRequire must fail without the file's
// contents showing up anywhere (a .json file would come back parsed; a .txt file run
// as JavaScript would echo its text in a ReferenceError). The runner placed the
// secret files beside the guest's main file and passes their directory as argv[2].

var dir = process.argv[2];
var targets = [
  ["absolute secret.txt", dir + "/secret.txt"],
  ["absolute secret.json", dir + "/secret.json"],
  ["absolute secret.js", dir + "/secret.js"],
  ["absolute secret without extension", dir + "/secret"],
  ["relative ./secret.js", "./secret.js"],
  ["relative ./secret.txt", "./secret.txt"],
  ["relative ./secret.json", "./secret.json"],
  ["relative directory ./secretdir", "./secretdir"],
  ["bare secret-pkg", "secret-pkg"],
  ["parent traversal", "../" + dir.split("/").pop() + "/secret.json"],
  ["/etc/passwd", "/etc/passwd"],
  ["/etc/hostname", "/etc/hostname"],
  ["/proc/self/environ", "/proc/self/environ"],
  ["/dev/stdin", "/dev/stdin"],
];
for (var [what, spec] of targets) {
  let s = spec;
  var r = attempt("require " + what, function () {
    return require(s);
  });
  if (!(r instanceof Error)) escaped("require " + what, "loaded " + describe(r));
  attempt("require.resolve " + what, function () {
    return require.resolve(s);
  });
}
attempt("createRequire in the secret directory", function () {
  return require("module").createRequire(dir + "/x.js")("./secret.json");
});
attempt("module.filename and paths redirected", function () {
  module.filename = dir + "/secretdir/index.js";
  module.paths = [dir + "/node_modules"];
  return require("./index.js");
});
attempt("require.cache planted entry", function () {
  require.cache[dir + "/planted.js"] = { exports: "planted", loaded: true };
  return require(dir + "/planted.js");
});
var imports = [
  ["absolute secret.mjs", dir + "/secret.mjs"],
  ["absolute secret.json", dir + "/secret.json"],
  ["relative ./secret.mjs", "./secret.mjs"],
  ["file URL", "file://" + dir + "/secret.mjs"],
  ["bare secret-pkg", "secret-pkg"],
];
Promise.all(
  imports.map(function (pair) {
    return import(pair[1]).then(
      function (ns) {
        __lab.attempts++;
        console.log("attempt import() " + pair[0] + ": loaded");
        exploit("import " + pair[0], ns);
        escaped("import() " + pair[0], "loaded");
      },
      function (e) {
        __lab.attempts++;
        console.log("attempt import() " + pair[0] + ": " + describe(e));
        exploit("import " + pair[0] + " error", e);
      },
    );
  }),
).then(done);
