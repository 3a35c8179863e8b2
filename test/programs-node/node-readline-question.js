// readline: question() answered from a Readable, prompts written to the output,
// readline/promises, close while lines remain, use after close.
const readline = require("readline");
const rlp = require("readline/promises");
const { PassThrough, Writable } = require("stream");
const shown = [];
const output = new Writable({
  write(c, e, cb) {
    shown.push(String(c));
    cb();
  },
});
const input = new PassThrough();
const rl = readline.createInterface({ input, output, prompt: "$ " });
rl.question("name? ", (name) => {
  console.log("hello", name);
  rl.prompt();
  rl.once("line", (cmd) => {
    console.log("cmd", cmd, rl.getPrompt());
    rl.close();
    try {
      rl.question("again?", () => {});
    } catch (e) {
      console.log(e.code, e.message);
    }
    console.log(JSON.stringify(shown));
    promisesPart();
  });
});
input.write("Ada\nls -l\nignored\n");
async function promisesPart() {
  const input2 = new PassThrough();
  const rl2 = rlp.createInterface({ input: input2, output });
  setTimeout(() => input2.end("42\n"), 1);
  const answer = await rl2.question("how many? ");
  console.log("answer", answer, shown[shown.length - 1]);
  rl2.close();
  await rl2.question("x").catch((e) => console.log("rejected", e.code));
}
