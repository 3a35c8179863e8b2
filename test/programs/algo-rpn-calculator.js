// Algorithm: reverse Polish notation evaluator with error handling.
function rpn(expr) {
  var stack = [];
  var tokens = expr.split(" ");
  for (var i = 0; i < tokens.length; i++) {
    var t = tokens[i];
    if (t === "") continue;
    if ("+-*/".indexOf(t) >= 0 && t.length === 1) {
      if (stack.length < 2) throw new SyntaxError("stack underflow at '" + t + "'");
      var b = stack.pop(), a = stack.pop();
      switch (t) {
        case "+": stack.push(a + b); break;
        case "-": stack.push(a - b); break;
        case "*": stack.push(a * b); break;
        case "/": stack.push(a / b); break;
      }
    } else {
      var n = parseFloat(t);
      if (isNaN(n)) throw new TypeError("bad token '" + t + "'");
      stack.push(n);
    }
  }
  if (stack.length !== 1) throw new SyntaxError("leftover values: " + stack.length);
  return stack[0];
}
["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "1 +", "1 2", "4 x *", "10 4 /"].forEach(function (e) {
  try {
    console.log(e, "=>", rpn(e));
  } catch (err) {
    console.log(e, "=>", err.name, err.message);
  }
});
