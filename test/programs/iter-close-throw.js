// Tests iterator closing when the loop body throws, and which error wins.
function tracked(log, returnThrows) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push("next");
          return { value: i++, done: false };
        },
        return() {
          log.push("return");
          if (returnThrows) throw new Error("from return");
          return {};
        },
      };
    },
  };
}
let log = [];
try {
  for (const v of tracked(log, false)) {
    if (v === 1) throw new Error("body error");
  }
} catch (e) {
  console.log(e.message, "|", log.join(" "));
}
log = [];
try {
  for (const v of tracked(log, true)) {
    if (v === 0) throw new Error("body error");
  }
} catch (e) {
  console.log("body throws, return throws ->", e.message, "|", log.join(" "));
}
log = [];
try {
  for (const v of tracked(log, true)) {
    break;
  }
} catch (e) {
  console.log("break, return throws ->", e.message, "|", log.join(" "));
}
// errors thrown by next() do not call return()
log = [];
const nextThrows = {
  [Symbol.iterator]() {
    return {
      next() {
        log.push("next");
        throw new Error("from next");
      },
      return() {
        log.push("return");
        return {};
      },
    };
  },
};
try {
  for (const v of nextThrows) {
  }
} catch (e) {
  console.log(e.message, "|", log.join(" "));
}
// error inside try/finally within the loop body
log = [];
try {
  for (const v of tracked(log, false)) {
    try {
      throw new Error("inner");
    } finally {
      log.push("finally");
    }
  }
} catch (e) {
  console.log(e.message, "|", log.join(" "));
}
// spread does not call return() when iteration completes normally, Array.from closes on mapper error
log = [];
try {
  Array.from(tracked(log, false), (v) => {
    if (v === 2) throw new Error("mapper");
    return v;
  });
} catch (e) {
  console.log(e.message, "|", log.join(" "));
}
