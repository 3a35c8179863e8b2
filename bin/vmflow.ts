#!/usr/bin/env node
// vmflow — durable workflows (workflow/): start, signal, list, show, cancel, worker, upgrade.

import * as util from "node:util";
import yargs from "yargs";
import { Engine, type WorkflowInfo } from "../workflow/engine";
import { waitPoints } from "../workflow/at-wait";
import { inspectSnapshot } from "../vm/index";
import { renderReport } from "../vm/snapshot-report";
import { verifySnapshot } from "../workflow/sign";
import { decodeValue, parseError } from "../workflow/values";
import type { WorkflowStatus } from "../workflow/store";
import type { UpgradeOutcome } from "../workflow/upgrade";
import { BAD_OPTION, die, versionText } from "./common";

const TOOL = "vmflow";
const STATUSES: WorkflowStatus[] = ["ready", "running", "waiting", "done", "failed", "cancelled"];

function parseJson(what: string, text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return die(TOOL, `${what} is not JSON: ${(e as Error).message}`, BAD_OPTION);
  }
}

function positive(flag: string, raw: unknown, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = /^[0-9]+$/.test(String(raw)) ? Number(raw) : NaN;
  if (!(n > 0) || !Number.isSafeInteger(n))
    die(TOOL, `${flag} must be a positive integer, got '${String(raw)}'`, BAD_OPTION);
  return n;
}

function when(t: number | null): string {
  return t === null ? "-" : new Date(t).toISOString();
}

/** One line: id, status, and what it waits for or how it ended. */
function line(w: WorkflowInfo): string {
  const parts = [w.id, w.status];
  if (w.status === "waiting" || w.status === "ready") {
    if (w.waits.length) parts.push(`for ${w.waits.join(", ")}`);
    if (w.wakeAt !== null) parts.push(`until ${when(w.wakeAt)}`);
  }
  if (w.status === "done") parts.push(util.inspect(w.result, { depth: 4, breakLength: Infinity }));
  if (w.status === "failed" && w.error) parts.push(`${w.error.name}: ${w.error.message}`);
  return parts.join("  ");
}

async function withEngine<T>(
  argv: { store: string; "lease-ms"?: unknown },
  f: (e: Engine) => Promise<T>,
): Promise<T> {
  let e: Engine;
  try {
    e = await Engine.open({
      store: argv.store,
      leaseMs: positive("--lease-ms", argv["lease-ms"], 30_000),
    });
  } catch (err) {
    return die(TOOL, `cannot open the store ${argv.store}: ${(err as Error).message}`, 2);
  }
  try {
    return await f(e);
  } catch (err) {
    return die(TOOL, (err as Error).message.replace(/^vmflow: /, ""), 1);
  } finally {
    await e.close();
  }
}

async function show(e: Engine, id: string): Promise<void> {
  const w = await e.get(id);
  if (!w) throw new Error(`no workflow with id '${id}'`);
  const out: string[] = [line(w)];
  out.push(
    `  program  ${(await e.store.program(w.program))?.filename ?? "?"} (${w.program.slice(0, 12)})`,
  );
  out.push(`  input    ${util.inspect(w.input, { depth: 4, breakLength: Infinity })}`);
  out.push(
    `  created  ${when(w.createdAt)}, updated ${when(w.updatedAt)}, ${w.activations} activation(s)`,
  );
  for (const s of await e.store.steps(id)) {
    const what =
      s.status === "done"
        ? util.inspect(decodeValue(s.value), { depth: 2, breakLength: Infinity })
        : s.status;
    const err = s.error ? ` (last error: ${parseError(s.error)!.message})` : "";
    out.push(`  step     ${s.name}: ${what}, ${s.attempts} attempt(s)${err}`);
  }
  const events = await e.store.events(id);
  if (events.length) out.push(`  buffered ${events.map((ev) => ev.name).join(", ")}`);
  if (w.error?.stack) out.push("  error", ...w.error.stack.split("\n").map((l) => "    " + l));
  const rec = await e.store.get(id);
  if (rec?.snapshot && (w.status === "waiting" || w.status === "ready")) {
    const snap = verifySnapshot(rec.snapshot, await e.store.signingKey());
    out.push(`  snapshot ${rec.snapshot.length} bytes`);
    for (const p of waitPoints(snap)) {
      const args = p.args.map((a) => util.inspect(a, { breakLength: Infinity })).join(", ");
      out.push(`  waits at ${p.operation}(${args}) since ${when(p.startedAt)}`);
      for (const f of p.frames) out.push(`    ${f}`);
    }
    // The workflow's code at its wait, with its variables (the snapshot inspector).
    const report = renderReport(inspectSnapshot(snap, { depth: 2 }), {
      sections: { frames: true, heap: false, rest: false },
    });
    out.push(
      ...report
        .trimEnd()
        .split("\n")
        .map((l) => (l ? "  " + l : l)),
    );
  }
  process.stdout.write(out.join("\n") + "\n");
}

void yargs(process.argv.slice(2))
  .scriptName(TOOL)
  .usage(
    "$0 <command> [options]\n\nDurable workflows: a waiting workflow is a stored snapshot, not an event history.",
  )
  .option("store", {
    type: "string",
    default: process.env.VMFLOW_STORE ?? "sqlite:vmflow.db",
    describe: "sqlite:PATH or postgres://… (default $VMFLOW_STORE or sqlite:vmflow.db)",
  })
  .option("lease-ms", {
    type: "string",
    describe: "how long a worker's lease lasts without renewal (default 30000)",
  })
  .option("json", { type: "boolean", describe: "print workflows as JSON lines" })
  .command(
    "start <file>",
    "start a workflow and run it until it first waits",
    (y) =>
      y
        .positional("file", { type: "string", demandOption: true })
        .option("id", { type: "string", describe: "the workflow's id (default: a random UUID)" })
        .option("input", { type: "string", describe: "the input, as JSON" }),
    (a) =>
      withEngine(a, async (e) =>
        print(a.json, await e.start(a.file, { id: a.id, input: parseJson("--input", a.input) })),
      ),
  )
  .command(
    "signal <id> <event> [payload]",
    "send an event (payload as JSON); a workflow it wakes runs here unless --no-run",
    (y) =>
      y
        .positional("id", { type: "string", demandOption: true })
        .positional("event", { type: "string", demandOption: true })
        .positional("payload", { type: "string" })
        .option("run", {
          type: "boolean",
          default: true,
          describe: "run the workflow it wakes in this process",
        }),
    (a) =>
      withEngine(a, async (e) =>
        print(
          a.json,
          await e.signal(a.id, a.event, parseJson("the payload", a.payload), { run: a.run }),
        ),
      ),
  )
  .command(
    "list",
    "list workflows",
    (y) => y.option("status", { choices: STATUSES, describe: "only those with this status" }),
    (a) =>
      withEngine(a, async (e) => {
        for (const w of await e.list({ status: a.status as WorkflowStatus | undefined }))
          print(a.json, w);
      }),
  )
  .command(
    "show <id>",
    "a workflow's state: where it waits (frames), buffered events, outcome",
    (y) => y.positional("id", { type: "string", demandOption: true }),
    (a) => withEngine(a, (e) => show(e, a.id)),
  )
  .command(
    "cancel <id>",
    "cancel a workflow that has not finished",
    (y) => y.positional("id", { type: "string", demandOption: true }),
    (a) =>
      withEngine(a, async (e) => {
        if (!(await e.cancel(a.id))) throw new Error(`workflow '${a.id}' has already finished`);
        print(a.json, (await e.get(a.id))!);
      }),
  )
  .command(
    "worker",
    "run workflows as they become runnable (signals, due timers, expired leases) until SIGINT/SIGTERM",
    (y) =>
      y
        .option("concurrency", { type: "string", describe: "workflows run at once (default 1)" })
        .option("poll-ms", {
          type: "string",
          describe: "how often to look for due timers (default 500)",
        }),
    (a) =>
      withEngine(a, async (e) => {
        const stop = new AbortController();
        process.once("SIGINT", () => stop.abort());
        process.once("SIGTERM", () => stop.abort());
        await e.runWorker({
          concurrency: positive("--concurrency", a.concurrency, 1),
          pollMs: positive("--poll-ms", a["poll-ms"], 500),
          signal: stop.signal,
        });
      }),
  )
  .command(
    "upgrade [id]",
    "move waiting workflows onto a new version of their program, at the same wait",
    (y) =>
      y
        .positional("id", { type: "string", describe: "the workflow (or --all)" })
        .option("all", {
          type: "boolean",
          describe: "every unfinished workflow started from --from (default: the --to file)",
        })
        .option("to", { type: "string", demandOption: true, describe: "the new program" })
        .option("from", { type: "string", describe: "with --all: the file they started from" })
        .option("dry-run", {
          type: "boolean",
          describe: "report what would happen; change nothing",
        }),
    (a) =>
      withEngine(a, async (e) => {
        if ((a.id === undefined) === !a.all) die(TOOL, "give a workflow id or --all", BAD_OPTION);
        if (a.from !== undefined && !a.all) die(TOOL, "--from goes with --all", BAD_OPTION);
        const which = a.all ? { all: a.from ?? a.to } : a.id!;
        const outcomes = await e.upgrade(which, a.to, { dryRun: a["dry-run"] });
        for (const o of outcomes)
          process.stdout.write((a.json ? JSON.stringify(o) : upgradeLines(o)) + "\n");
        if (a.all && outcomes.length === 0) process.stdout.write("no unfinished workflow\n");
        if (outcomes.some((o) => o.result === "refused")) process.exitCode = 1;
      }),
  )
  .demandCommand(1, "a command is needed; see vmflow --help")
  .strict()
  .version(versionText())
  .help()
  .fail((msg, err) => {
    if (err) throw err;
    die(TOOL, msg, BAD_OPTION);
  })
  .parseAsync();

function print(json: boolean | undefined, w: WorkflowInfo): void {
  process.stdout.write((json ? JSON.stringify(w) : line(w)) + "\n");
}

/** One workflow's upgrade: its outcome, then where each of its frames continues. */
function upgradeLines(o: UpgradeOutcome): string {
  const out = [`${o.id}  ${o.result}${o.reason ? `: ${o.reason}` : ""}`];
  for (const f of o.frames ?? [])
    out.push(`  ${f.function}: line ${f.from} -> ${f.to}, at ${f.wait}`);
  if (o.added?.length)
    out.push(`  new variables (undefined until the new code sets them): ${o.added.join(", ")}`);
  return out.join("\n");
}
