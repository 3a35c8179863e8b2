// Code after return/break inside a finally body is unreachable but still compiled:
// its labels must agree with the finally body's stack depth (the return address).
function choose(x) {
  try {
  } finally {
    if (x) {
      return "then";
    } else {
      return "else";
    }
  }
}
console.log(choose(1), choose(0));
function doBreak(x) {
  const out = [];
  try {
  } finally {
    do {
      out.push("do");
      break;
    } while (x);
    out.push("after do");
    lbl: {
      out.push("in label");
      break lbl;
    }
    out.push("after label");
    for (let i = 0; ; i++) {
      if (i > x) break;
      out.push("for " + i);
      continue;
    }
    switch (x) {
      case 1:
        out.push("case 1");
        break;
      default:
        return out;
    }
  }
  return out;
}
console.log(doBreak(1).join(","), doBreak(0).join(","));
function deadExpr(a) {
  return a;
  f(a ? 1 : 2);
}
console.log(deadExpr(3));
function deadInFinally(a) {
  try {
  } finally {
    return a;
    a ? g(1) : g(2);
    while (a) a--;
  }
}
console.log(deadInFinally(4));
function deadTry(a) {
  return a;
  try {
    a++;
  } catch {
    a--;
  } finally {
    a = 0;
  }
}
console.log(deadTry(5));
