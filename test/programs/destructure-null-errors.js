// Tests TypeErrors from destructuring null/undefined and partial side effects before the error.
function attempt(label, fn) {
  try {
    fn();
    console.log(label, "ok");
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
attempt("obj from null", () => {
  const { a } = null;
});
attempt("obj from undefined", () => {
  const { a } = undefined;
});
attempt("empty obj pattern from null", () => {
  const {} = null;
});
attempt("empty obj pattern from number", () => {
  const {} = 0;
});
attempt("array from null", () => {
  const [a] = null;
});
attempt("empty array pattern from undefined", () => {
  const [] = undefined;
});
attempt("empty array pattern from {}", () => {
  const [] = {};
});
attempt("empty array pattern from string", () => {
  const [] = "";
});
attempt("param from undefined", () => {
  (({ x }) => x)();
});
attempt("nested null", () => {
  const {
    a: { b },
  } = { a: null };
});
// side effects before the error remain visible
const done = [];
attempt("partial", () => {
  let x, y;
  ({ p: x, q: { r: y } } = { p: "first", q: undefined });
  done.push(x);
});
let outerX = "unchanged";
attempt("partial assign", () => {
  ({ p: outerX, q: { r: outerX } } = { p: "assigned", q: null });
});
console.log(outerX);
// a default that throws
attempt("default throws", () => {
  const {
    z = (() => {
      throw new SyntaxError("from default");
    })(),
  } = {};
});
// getter throwing during destructuring
attempt("getter throws", () => {
  const {
    g,
  } = {
    get g() {
      throw new RangeError("getter");
    },
  };
});
