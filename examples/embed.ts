// Embedding Jaunt: run a program for a budget of instructions, snapshot the whole VM,
// and resume the snapshot in a fresh VM. Type-checked by `npm test`; to run it:
// `npx tsc -p . && node dist/examples/embed.js`.
import { Jaunt } from "../vm"; // in your project: import { Jaunt } from "jaunt";

const source = `
let total = 0;
for (let i = 1; i <= 1000; i++) total += i;
console.log("total", total);
`;

const options = { stdout: (s: string) => process.stdout.write(s), argv: [], seed: 1 };
const vm = Jaunt.create(options);
vm.load(source, "/virtual/sum.js"); // kind: "commonjs" (the default), "module" or "script"
const r = vm.run(500); // run for a budget of 500 instructions
if (r.status === "paused") {
  const bytes: Uint8Array = vm.snapshot(); // the whole VM, as CBOR
  const again = Jaunt.resume(bytes, options); // continues on the next instruction
  again.run();
  console.log("exit code", again.exitCode, again.uncaughtReport() ?? "(no uncaught error)");
}
