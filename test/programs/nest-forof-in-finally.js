// A for-of loop inside a finally body (closing a list of resources there is a common
// idiom): the loop's close and exit labels run at the finally body's stack depth.
const log = [];
function iterable(name, n) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next: () => (i < n ? { value: name + i++, done: false } : { value: undefined, done: true }),
        return: () => (log.push("return " + name), { done: true }),
      };
    },
  };
}
try {
} finally {
  for (const s of [1]) log.push("plain " + s);
}
function returning() {
  try {
    return "r";
  } finally {
    for (const s of iterable("a", 3)) {
      log.push(s);
      if (s === "a1") break;
    }
  }
}
log.push(returning());
function* closeAll(list) {
  try {
    yield 1;
    yield 2;
  } finally {
    for (const it of list) {
      log.push("closing " + it);
      for (const x of iterable(it, 2)) if (x.endsWith("0")) continue;
    }
  }
}
const g = closeAll(["p", "q"]);
log.push(JSON.stringify(g.next()), JSON.stringify(g.return(9)));
log.push(JSON.stringify([...closeAll(["z"])]));
function nested() {
  try {
    throw new Error("boom");
  } finally {
    try {
    } finally {
      for (const y of iterable("n", 2)) {
        log.push(y);
        break;
      }
    }
  }
}
try {
  nested();
} catch (e) {
  log.push("caught " + e.message);
}
async function asyncClose() {
  try {
    await null;
    return "async";
  } finally {
    for await (const v of iterable("w", 3)) {
      log.push(v);
      if (v === "w1") break;
    }
  }
}
asyncClose().then((v) => {
  log.push(v);
  console.log(log.join("\n"));
});
