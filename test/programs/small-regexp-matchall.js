// A RegExp String Iterator paused mid-iteration, and a regexp kept across steps.
const re = /(\w)=(\d)/g;
const it = "a=1 b=2".matchAll(re);
const first = it.next().value;
console.log(first[1], first[2], re.lastIndex);
const rest = [...it].map((m) => m[0]);
console.log(rest, /x/gi, "q".split(/(q)/));
