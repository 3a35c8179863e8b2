// apply() passes symbols in its argument array through (they were read as holes).
const s = Symbol("s");
function kinds(...args) { return args.map((a) => typeof a).join(); }
console.log(kinds.apply(null, [s, 1, , "x"]));
console.log(Reflect.apply(kinds, null, [s]), kinds.call(null, s), kinds(...[s, s]));
