// Direct eval reads and writes the caller's locals; snapshots taken inside eval code.
function f(a) {
  let n = a;
  eval("var v = n * 2; n += 1");
  return [n, v, eval("typeof v")].join(",");
}
console.log(f(20));
console.log((0, eval)("typeof f"), eval("1; if (false) 2;"));
