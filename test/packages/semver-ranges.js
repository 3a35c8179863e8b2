// semver: parsing, comparing, sorting, ranges, incrementing and coercion.
const semver = require("semver");

const versions = [
  "1.2.3",
  "1.10.0",
  "1.2.3-beta.2",
  "1.2.3-beta.10",
  "0.9.0",
  "2.0.0-rc.1",
  "1.2.4",
];
console.log(semver.sort(versions.slice()).join(" "));
console.log(semver.rsort(versions.slice()).join(" "));
console.log(semver.valid("v1.2.3"), semver.valid("1.2"), semver.clean("  =v2.0.0  "));
console.log(
  semver.gt("1.10.0", "1.9.9"),
  semver.lt("1.2.3-beta.2", "1.2.3"),
  semver.compare("1.0.0", "1.0.0"),
);
for (const range of ["^1.2.0", "~1.2.3", ">=1.2.3 <2.0.0-0", "1.x || >=2.0.0-rc.0", "*"]) {
  console.log(
    range,
    "→",
    semver.validRange(range),
    versions.filter((v) => semver.satisfies(v, range)).join(","),
  );
  console.log(
    "  max",
    semver.maxSatisfying(versions, range),
    "min",
    semver.minSatisfying(versions, range),
  );
}
for (const kind of ["major", "minor", "patch", "premajor", "preminor", "prepatch", "prerelease"]) {
  console.log(kind, semver.inc("1.2.3-beta.2", kind), semver.inc("1.2.3", kind, "alpha"));
}
console.log(
  semver.diff("1.2.3", "1.3.0"),
  semver.coerce("version 4.5 of x").version,
  semver.major("3.4.5"),
);
console.log(semver.intersects("^1.2.0", "~1.3.0"), semver.subset("~1.2.3", "^1.0.0"));
try {
  new semver.SemVer("nope");
} catch (e) {
  console.log(e.name, e.message);
}
