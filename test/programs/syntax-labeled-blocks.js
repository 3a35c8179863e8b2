// Tests labels: break out of labeled blocks, labeled loops with continue, nested labels.
const log = [];
outer: {
  log.push("block start");
  if (log.length) break outer;
  log.push("not reached");
}
log.push("after block");
console.log(log.join(", "));
function find(matrix, target) {
  let pos = null;
  search: for (let r = 0; r < matrix.length; r++) {
    for (let c = 0; c < matrix[r].length; c++) {
      if (matrix[r][c] === target) {
        pos = [r, c];
        break search;
      }
    }
  }
  return pos;
}
console.log(JSON.stringify(find([[1, 2], [3, 4], [5, 6]], 4)), find([[1]], 9));
const pairs = [];
rows: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j > i) continue rows;
    if (i === 3) break rows;
    pairs.push(i + "" + j);
  }
}
console.log(pairs.join(" "));
// nested labeled blocks
a: {
  b: {
    c: {
      log.length = 0;
      log.push("c");
      break b;
    }
    log.push("after c (skipped)");
  }
  log.push("after b");
}
console.log(log.join(","));
// labels on non-loop statements
lbl: if (true) {
  log.push("in if");
  break lbl;
}
lbl2: try {
  break lbl2;
} finally {
  log.push("finally runs on break");
}
console.log(log.join(","));
// break label through finally
let trace = [];
out: for (const x of [1, 2]) {
  try {
    try {
      if (x === 1) break out;
    } finally {
      trace.push("inner finally " + x);
    }
  } finally {
    trace.push("outer finally " + x);
  }
}
console.log(trace.join("; "));
// same label name reused sequentially
loop: for (let i = 0; i < 2; i++) {
  continue loop;
}
loop: for (let i = 0; i < 2; i++) {
  break loop;
}
// labeled do-while and while
let n = 0;
dw: do {
  n++;
  if (n === 3) break dw;
  continue dw;
} while (n < 10);
console.log("do-while n =", n);
let m = 0;
w: while (true) {
  switch (++m) {
    case 5:
      break w;
    default:
      continue w;
  }
}
console.log("while m =", m);
