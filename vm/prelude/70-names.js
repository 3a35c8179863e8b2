// Name resolution through `with` objects whose answer needs guest code: a getter on
// Symbol.unscopables, or a Proxy's `has` trap (the interpreter's RESOLVE falls back here).

// HasBinding of an object environment record (ECMA-262 9.1.1.2.1).
var SymbolUnscopables = global.Symbol.unscopables;

function withHas(obj, name) {
  if (!(name in obj)) return false;
  const unscopables = obj[SymbolUnscopables];
  if ((typeof unscopables === "object" && unscopables !== null) || typeof unscopables === "function")
    return !unscopables[name];
  return true;
}

// The base of the reference `name`, starting at the `with` record env (object obj).
function resolveSlow(env, obj, name) {
  for (;;) {
    if (withHas(obj, name)) return obj;
    const slow = $.resolveNextSlow(env, name);
    if (slow === null) return $.resolveFrom(env, name);
    env = slow;
    obj = $.withObject(slow);
  }
}
