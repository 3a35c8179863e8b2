// Tests composing generators into a processing pipeline over text lines.
const text = `alpha 3
beta 7
# comment
gamma 12

delta 5
epsilon 9`;
function* lines(s) {
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === "\n") {
      yield s.slice(start, i);
      start = i + 1;
    }
  }
}
function* nonEmpty(it) {
  for (const l of it) if (l.trim() && !l.startsWith("#")) yield l;
}
function* parse(it) {
  for (const l of it) {
    const [name, n] = l.split(" ");
    yield { name, n: Number(n) };
  }
}
function* runningTotal(it) {
  let total = 0;
  for (const rec of it) {
    total += rec.n;
    yield { ...rec, total };
  }
}
for (const { name, n, total } of runningTotal(parse(nonEmpty(lines(text))))) {
  console.log(name.padEnd(8), String(n).padStart(3), String(total).padStart(4));
}
function* chunk(size, it) {
  let buf = [];
  for (const v of it) {
    buf.push(v);
    if (buf.length === size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}
for (const c of chunk(2, parse(nonEmpty(lines(text))))) console.log(c.map((r) => r.name).join("+"));
function* enumerate(it, start = 0) {
  for (const v of it) yield [start++, v];
}
console.log([...enumerate("xyz", 1)].map(([i, c]) => i + c).join(" "));
function* interleave(...its) {
  const iters = its.map((i) => i[Symbol.iterator]());
  while (iters.length) {
    for (let k = 0; k < iters.length; ) {
      const r = iters[k].next();
      if (r.done) iters.splice(k, 1);
      else {
        yield r.value;
        k++;
      }
    }
  }
}
console.log([...interleave([1, 2, 3], "ab", [true])].join(","));
