// Runs a bench program under QuickJS compiled to WebAssembly (quickjs-emscripten):
// `node dist/bench/quickjs-run.js program.js`. The program gets `console.log` (its
// arguments joined with spaces, as the bench programs print only primitives and
// strings) and nothing else; its promise jobs run until none are left.

import * as fs from "node:fs";
import { getQuickJS } from "quickjs-emscripten";

async function main(file: string): Promise<void> {
  const QuickJS = await getQuickJS();
  const runtime = QuickJS.newRuntime();
  runtime.setMaxStackSize(0);
  const vm = runtime.newContext();
  const lines: string[] = [];
  const log = vm.newFunction("log", (...args) => {
    lines.push(args.map((a) => String(vm.dump(a))).join(" "));
  });
  const consoleObject = vm.newObject();
  vm.setProp(consoleObject, "log", log);
  vm.setProp(vm.global, "console", consoleObject);
  log.dispose();
  consoleObject.dispose();
  const result = vm.evalCode(fs.readFileSync(file, "utf8"), file);
  if (result.error) {
    const err = vm.dump(result.error);
    result.error.dispose();
    throw new Error(`quickjs: ${JSON.stringify(err)}`);
  }
  result.value.dispose();
  for (;;) {
    const jobs = runtime.executePendingJobs(-1);
    if (jobs.error) {
      const err = vm.dump(jobs.error);
      jobs.error.dispose();
      throw new Error(`quickjs: ${JSON.stringify(err)}`);
    }
    if (jobs.value === 0) break;
  }
  process.stdout.write(lines.map((l) => l + "\n").join(""));
  vm.dispose();
  runtime.dispose();
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
