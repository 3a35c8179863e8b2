// Tests the single block scope shared by all switch cases.
function f(n) {
  switch (n) {
    case 0: {
      let msg = "zero";
      return msg;
    }
    case 1: {
      let msg = "one";
      return msg;
    }
  }
  return "none";
}
console.log(f(0), f(1), f(2));
function g(n) {
  var r = [];
  switch (n) {
    case 1:
      var v = "var in switch";
      r.push(v);
      break;
    case 2:
      r.push(typeof v);
  }
  return r.join("");
}
console.log(g(1), g(2));
function h(n) {
  switch (n) {
    case "a":
      let shared = "set in a";
    case "b":
      shared = "set in b";
      return shared;
  }
}
console.log(h("a"));
