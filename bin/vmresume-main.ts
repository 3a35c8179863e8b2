// vmresume file.snap — resumes a snapshot and runs it to the end like vmrun.
// vmresume DIR --at STEP — resumes a recording (vmrun --record) at any step.
// vmresume --listen [host:]port — the authenticated server for socket= gateways.
// Started by vmresume.ts through boot.ts (as dist/bundle/vmresume.js when that is fresh).

import * as fs from "node:fs";
import {
  BAD_OPTION,
  commandLine,
  parseWords,
  countOption,
  defineRunOptions,
  LIMIT_OPTION_NAMES,
  die,
  limitOptions,
  readKeyFile,
  readRunOptions,
  readSnapshot,
  refuseUnknownOptions,
  resumeOrExit,
  runToEnd,
  verifiedOrExit,
} from "./common";
import { Jaunt, type ResumeOptions } from "../vm";
import { isRecording, RecordReader, RecordingError } from "./record-store";
import { replayTo } from "./time-travel";
import { finishContext, localContext, transportRequests } from "../transport/requests";

const TOOL = "vmresume";
const RUN_OPTION_NAMES = ["snapshot-every", ...LIMIT_OPTION_NAMES] as const;

// Without options (the usual case) the parse needs no yargs (withoutOptions).
const argv = parseWords(false, () =>
  defineRunOptions(
    commandLine(
      TOOL,
      "$0 [options] <file.snap>\n$0 [options] <DIR> --at STEP\n\n" +
        "Resumes a snapshot written by vmsnap and runs it to the end, with vmrun's output and\n" +
        "exit-code rules; or, with --at, a run recorded by `vmrun --record DIR` at any step:\n" +
        "what the run printed after that step is printed again. Limits may only tighten the\n" +
        "snapshot's. Exit code 2: the file cannot be read or is not a valid snapshot or\n" +
        "recording.\n\n" +
        "$0 --listen [host:]port [--key-file FILE] [--tls-cert CERT --tls-key KEY]\n\n" +
        "Serves socket= gateways (loopback unless a host is given): every connection proves it\n" +
        "knows the shared key (--key-file, JAUNT_SOCKET_KEY or JAUNT_SOCKET_KEY_FILE) and only\n" +
        "snapshots signed with it are resumed. With a certificate it speaks only TLS\n" +
        "(socket=host:port//tls) and refuses plaintext clients.",
      false,
    ),
    RUN_OPTION_NAMES,
  )
    .option("key-file", {
      describe:
        "F: the snapshot is signed (vmsnap --key-file): verify it with the key in F first; with --listen: the shared key",
    })
    .option("listen", {
      describe: "[host:]port: serve socket= gateways there (host default 127.0.0.1)",
      type: "string",
    })
    .option("tls-cert", {
      describe: "CERT: with --listen, speak TLS with this certificate (PEM file)",
      type: "string",
    })
    .option("tls-key", {
      describe: "KEY: with --listen, the certificate's private key (PEM file)",
      type: "string",
    })
    .option("at", {
      describe:
        "STEP: with a recording folder, resume after exactly STEP instructions of the recorded run",
    })
    .parseSync(),
);

if (argv.listen !== undefined)
  void serve(String(argv.listen), argv["key-file"] as string | undefined, tlsFiles());
else if (argv["tls-cert"] !== undefined || argv["tls-key"] !== undefined)
  die(TOOL, "--tls-cert and --tls-key go with --listen", BAD_OPTION);
else resumeFromArgs();

/** --tls-cert and --tls-key: both or neither; their files read. */
function tlsFiles(): { cert: Buffer; key: Buffer } | undefined {
  const cert = argv["tls-cert"];
  const key = argv["tls-key"];
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined)
    die(TOOL, "--tls-cert and --tls-key go together", BAD_OPTION);
  const read = (option: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (e) {
      return die(TOOL, `${option}: ${(e as Error).message}`, BAD_OPTION);
    }
  };
  return { cert: read("--tls-cert", cert), key: read("--tls-key", key) };
}

/** --listen: serves until killed. */
async function serve(
  where: string,
  keyFile: string | undefined,
  tls: { cert: Buffer; key: Buffer } | undefined,
): Promise<void> {
  // Loaded here: a plain resume does not need the server.
  const { listen, sharedKey } =
    require("../transport/socket") as typeof import("../transport/socket");
  const m = /^(?:(.+):)?(\d+)$/.exec(where);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port >= 0 && port <= 65535))
    die(TOOL, `--listen wants [host:]port, got '${where}'`, BAD_OPTION);
  const host = (m[1] ?? "127.0.0.1").replace(/^\[|\]$/g, "");
  let key: Buffer;
  try {
    key = keyFile !== undefined ? fs.readFileSync(keyFile) : sharedKey();
  } catch (e) {
    die(TOOL, e instanceof Error ? e.message.replace(/^jaunt: /, "") : String(e), BAD_OPTION);
  }
  if (key.length < 16) die(TOOL, "the shared key must be at least 16 bytes", BAD_OPTION);
  try {
    const l = await listen(host, port, {
      key,
      tls,
      log: (line) => process.stderr.write(`${TOOL}: ${line}\n`),
    });
    const mode = tls ? " (TLS only)" : "";
    process.stderr.write(`${TOOL}: listening on ${l.address.host}:${l.address.port}${mode}\n`);
  } catch (e) {
    die(TOOL, `cannot listen on ${host}:${port}: ${(e as Error).message}`, 1);
  }
}

function resumeFromArgs(): void {
  const words = [
    ...argv._.map(String),
    ...((argv["--"] as unknown[] | undefined) ?? []).map(String),
  ];
  refuseUnknownOptions(TOOL, argv._.map(String));
  const run = readRunOptions(TOOL, argv, RUN_OPTION_NAMES);
  const key = readKeyFile(TOOL, argv["key-file"]);
  const at =
    argv.at === undefined ? undefined : countOption(TOOL, "--at", argv.at, 0, "= the start");
  if (words.length === 0) die(TOOL, "no snapshot file given; see vmresume --help", BAD_OPTION);
  if (words.length > 1)
    die(TOOL, `one snapshot file expected, got ${words.length}: ${words.join(" ")}`, BAD_OPTION);
  const source = words[0];
  // vmresume grants what node grants, as vmrun does, and answers vmsnap PID as vmrun does.
  const transport = localContext();
  const opts: ResumeOptions = {
    ...limitOptions(run, false),
    capabilities: "all",
    blocking: false,
    // jaunt.teleport and jaunt.fork (transport/).
    requests: transportRequests(transport),
  };
  const plan = { snapshotEvery: run.snapshotEvery, control: true };

  if (isRecording(source)) {
    if (at === undefined)
      die(TOOL, `${source} is a recording: say where with --at STEP`, BAD_OPTION);
    void resumeRecording(source, at);
  } else {
    if (at !== undefined) {
      const isDir = fs.statSync(source, { throwIfNoEntry: false })?.isDirectory();
      die(
        TOOL,
        `--at needs a recording folder; ${source} is ${isDir ? "a folder without recording.json" : "not a folder"}`,
        2,
      );
    }
    const j = resumeOrExit(TOOL, verifiedOrExit(TOOL, readSnapshot(TOOL, source), key), opts);
    void runToEnd(j, opts, plan).then((code) => {
      process.exitCode = code;
      return finishContext(transport);
    });
  }

  async function resumeRecording(dir: string, step: number): Promise<void> {
    let j: Jaunt;
    try {
      const rec = new RecordReader(dir);
      const silent = await replayTo(rec, step, opts);
      // The same VM from here on, with the real output (and its live host resources).
      j = Jaunt.resume(silent.snapshot(), { ...opts, continueTurn: true, reattach: silent });
    } catch (e) {
      if (e instanceof RecordingError) die(TOOL, e.message, 2);
      throw e;
    }
    process.exitCode = await runToEnd(j, opts, plan);
  }
}
