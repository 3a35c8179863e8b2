// RegExp pattern modifiers (?ims-ims:…) (ES2025). Node 20 cannot build these
// patterns, so the program checks itself where they exist and prints only what
// both Node 20 and Jaunt print: "ok" lines, or the same failure.
function make(source, flags) {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    return null;
  }
}

const supported = make("(?i:a)b") !== null;
const failures = [];
function check(name, actual, expected) {
  if (!supported) return;
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) failures.push(name + ": " + a + " !== " + b);
}

if (supported) {
  const re = make("(?i:a)b", "g");
  check("test", [re.test("xAb"), re.lastIndex], [true, 3]);
  check("no match outside the group", make("(?i:a)b").test("AB"), false);
  check("remove", make("(?-i:a)b", "i").exec("AB aB").index, 3);
  check("replace", "aB Ab ab".replace(make("(?i:a)b", "g"), "<$&>"), "aB <Ab> <ab>");
  check("split", "xAbyab".split(make("(?i:(a))b")), ["x", "A", "y", "a", ""]);
  check("matchAll", [..."AbAB".matchAll(make("(?i:a)(?<x>b)", "g"))].map((m) => m.groups.x), ["b"]);
  check("multiline", make("(?m:^b)").exec("a\nb").index, 2);
  check("dotAll", make("(?s:a.)c").test("a\nc"), true);
  check("backreference", make("(a)(?i:\\1)").test("aA"), true);
  check("lookbehind", make("(?<=(?i:A))b").exec("xab").index, 2);
  check("indices", make("(?i:(a+))", "d").exec("zAa").indices[1], [1, 3]);
  check("source", make("(?i:a)/").source, "(?i:a)\\/");
  check("toString", String(make("(?i-s:a)", "g")), "/(?i-s:a)/g");
  for (const bad of ["(?ii:a)", "(?i-i:a)", "(?-:a)", "(?x:a)", "(?i)"]) {
    let threw = false;
    try {
      new RegExp(bad);
    } catch (e) {
      threw = e instanceof SyntaxError;
    }
    check("early error " + bad, threw, true);
  }
}
console.log(failures.length === 0 ? "ok" : failures.join("\n"));
