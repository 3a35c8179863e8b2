// A return inside a finally body, cancelled there by a break, leaves the return value
// pending outside that finally body as it was.
function outer() {
  try {
    return "outer";
  } finally {
    inner: try {
      return "inner";
    } finally {
      break inner;
    }
  }
}
console.log(outer());
function loop() {
  try {
    return "kept";
  } finally {
    for (const x of [1, 2]) {
      try {
        return "replaced " + x;
      } finally {
        continue;
      }
    }
  }
}
console.log(loop());
function deeper() {
  try {
    return 1;
  } finally {
    try {
      return 2;
    } finally {
      a: {
        try {
          return 3;
        } finally {
          break a;
        }
      }
    }
  }
}
console.log(deeper());
function* gen() {
  try {
    yield "a";
  } finally {
    b: try {
      return "from finally";
    } finally {
      break b;
    }
  }
}
const g = gen();
console.log(g.next(), g.return("returned"), g.next());
