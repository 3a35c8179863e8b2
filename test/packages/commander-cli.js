// A command line parsed by commander (a fixed argv): options with values and defaults,
// a sub-command with arguments, errors turned into exceptions, and the help text.
const { Command, InvalidArgumentError } = require("commander");

function port(value) {
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n)) throw new InvalidArgumentError("not a number");
  return n;
}

function makeProgram(out) {
  const program = new Command();
  program
    .name("tool")
    .description("a small tool")
    .version("1.2.3")
    .option("-d, --debug", "print debug output")
    .option("-p, --port <n>", "port", port, 80)
    .option("--no-color", "disable colours")
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => out.push(s) });
  program
    .command("add")
    .argument("<a>", "first number")
    .argument("[b]", "second number", "10")
    .option("-x, --times <n>", "multiplier", "1")
    .action((a, b, opts) => {
      console.log(`add: ${(Number(a) + Number(b)) * Number(opts.times)}`);
    });
  return program;
}

const out = [];
const program = makeProgram(out);
program.parse(["node", "tool", "-d", "--port", "8080", "--no-color", "add", "1", "2", "-x", "3"]);
console.log(JSON.stringify(program.opts()));
console.log(program.helpInformation());
for (const args of [["--port", "abc"], ["--version"], ["nope"]]) {
  try {
    makeProgram(out).parse(["node", "tool", ...args]);
  } catch (e) {
    console.log(`${e.code} (${e.exitCode}): ${e.message}`);
  }
}
console.log(out.join(""));
