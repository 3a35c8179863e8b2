// Tests that break/return/throw inside for await call the async iterator's return().
const out = [];
const log = (m) => out.push(m);
function source(name) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      return {
        next() {
          i++;
          log(name + ".next " + i);
          return Promise.resolve({ value: i, done: i > 5 });
        },
        return(v) {
          log(name + ".return");
          return Promise.resolve({ done: true, value: v });
        },
      };
    },
  };
}
async function* agen() {
  try {
    yield "a";
    yield "b";
  } finally {
    log("agen finally");
  }
}
(async () => {
  for await (const v of source("S1")) if (v === 2) break;
  async function find() {
    for await (const v of source("S2")) if (v === 1) return "found";
  }
  log(await find());
  try {
    for await (const v of source("S3")) throw new Error("body");
  } catch (e) {
    log("caught " + e.message);
  }
  for await (const v of agen()) {
    log("agen value " + v);
    break;
  }
  // sync iterator wrapped by for await also gets closed
  const syncIt = {
    [Symbol.iterator]() {
      return {
        next: () => ({ value: Promise.resolve("sv"), done: false }),
        return() {
          log("sync return");
          return {};
        },
      };
    },
  };
  for await (const v of syncIt) {
    log("sync value " + v);
    break;
  }
  console.log(out.join("\n"));
})();
