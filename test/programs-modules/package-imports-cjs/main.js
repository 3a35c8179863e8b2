// package.json "imports" (`#name`), a package naming itself through its "exports",
// and the errors Node gives for what neither defines.
console.log(require("#util").name, require("#lib/self").name);
console.log(require("#cond"));
console.log(require("#dep"));
console.log(require("app").name, require("app/util").name);
for (const request of ["#missing", "#", "app/nope"]) {
  try {
    require(request);
  } catch (e) {
    console.log(request, e.code);
  }
}
