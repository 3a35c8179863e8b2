// Tests destructuring in catch parameters and scoping of catch bindings.
try {
  throw { code: 42, detail: { reason: "bad" } };
} catch ({ code, detail: { reason } }) {
  console.log(code, reason);
}
try {
  throw new RangeError("too big");
} catch ({ name, message }) {
  console.log(name, message);
}
try {
  throw ["e1", "e2", "e3"];
} catch ([first, ...rest]) {
  console.log(first, rest.join("+"));
}
try {
  throw {};
} catch ({ code = "DEFAULT" }) {
  console.log(code);
}
// destructuring failure inside catch param throws a new error
try {
  try {
    throw null;
  } catch ({ x }) {
    console.log("never");
  }
} catch (e) {
  console.log("outer caught", e.constructor.name);
}
// catch binding shadows outer, does not leak
const msg = "outer msg";
try {
  throw new Error("inner msg");
} catch ({ message: msg }) {
  console.log(msg);
}
console.log(msg);
// var declared in catch with the same name as simple binding
function varInCatch() {
  try {
    throw "thrown";
  } catch (e) {
    var e = "reassigned";
    console.log("in catch", e);
  }
  return e;
}
console.log("after", varInCatch());
// optional catch binding
try {
  JSON.parse("{bad");
} catch {
  console.log("optional binding works");
}
// closures over catch parameters
const fns = [];
for (const v of [1, 2]) {
  try {
    throw { v };
  } catch ({ v: caught }) {
    fns.push(() => caught * 100);
  }
}
console.log(fns.map((f) => f()).join(","));
