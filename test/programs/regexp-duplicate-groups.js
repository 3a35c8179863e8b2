// Duplicate named groups (ES2025; Node 20 rejects them, so each check tests itself).
let supported = true;
try {
  new RegExp("(?<x>a)|(?<x>b)");
} catch (e) {
  supported = false;
}
const check = (f) => console.log(!supported || f());
const re = () => new RegExp("(?<y>a)(?<x>a)|(?<x>b)(?<y>b)", "d");
check(() => JSON.stringify(re().exec("aa").groups) === '{"y":"a","x":"a"}');
check(() => JSON.stringify(re().exec("bb").groups) === '{"y":"b","x":"b"}');
check(() => JSON.stringify(re().exec("xbb").indices.groups) === '{"y":[2,3],"x":[1,2]}');
check(() => re().source === "(?<y>a)(?<x>a)|(?<x>b)(?<y>b)" && String(re()) === "/(?<y>a)(?<x>a)|(?<x>b)(?<y>b)/d");
check(() => "xbb".replace(re(), "[$<x>$<y>]") === "x[bb]");
check(() => new RegExp("(?<a>x)|(?<a>y)\\k<a>").exec("yy")[0] === "yy");
check(() => JSON.stringify("1x2y".split(new RegExp("(?<d>x)|(?<d>y)"))) === '["1","x",null,"2",null,"y",""]');
for (const bad of ["(?<a>x)(?<a>y)", "(?<a>x)|((?<a>y)(?<a>z))", "(?<a>x)(?:(?<a>y)|z)"]) {
  let message = "";
  try {
    new RegExp(bad);
  } catch (e) {
    message = e.message;
  }
  console.log(message.endsWith("Duplicate capture group name"));
}
