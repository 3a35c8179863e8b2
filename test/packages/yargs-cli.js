// A command line parsed by yargs (a fixed argv, no process.argv): commands, options,
// aliases, coercion, defaults and the generated help text.
const yargs = require("yargs/yargs");

function parser() {
  return yargs()
    .scriptName("tool")
    .command("serve [dir]", "serve a folder", (y) => y.positional("dir", { default: "." }))
    .command("build <target..>", "build targets")
    .option("port", { alias: "p", type: "number", default: 3000, describe: "port to listen on" })
    .option("verbose", { alias: "v", type: "count", describe: "more output" })
    .option("tag", { type: "array", describe: "tags" })
    .wrap(80)
    .version(false)
    .help();
}

const argv = parser().parseSync([
  "serve",
  "public",
  "-p",
  "8080",
  "-vv",
  "--tag",
  "a",
  "b",
  "--no-cache",
]);
console.log(
  JSON.stringify({
    cmd: argv._,
    dir: argv.dir,
    port: argv.port,
    verbose: argv.verbose,
    tag: argv.tag,
    cache: argv.cache,
  }),
);
const built = parser().parseSync(["build", "x", "y", "--port=1"]);
console.log(JSON.stringify({ cmd: built._, target: built.target, port: built.port }));
parser().parse(["--help"], (err, _argv, output) => {
  console.log(err ? `error: ${err.message}` : output);
});
parser()
  .strict()
  .parse(["serve", "--nope"], (err) => {
    console.log(err ? `error: ${err.message}` : "no error");
  });
