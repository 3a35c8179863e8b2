#!/usr/bin/env node
// vmresume file.snap — resumes a snapshot and runs it to the end like vmrun.
// vmresume --listen [host:]port — the authenticated server for socket= gateways.

import {
  BAD_OPTION,
  commandLine,
  countOption,
  die,
  readSnapshot,
  refuseUnknownOptions,
  resumeOrExit,
  runToEnd,
} from "./common";
import * as fs from "node:fs";
import { finishContext, localContext, transportRequests } from "../transport/requests";

const TOOL = "vmresume";

const argv = commandLine(
  TOOL,
  "$0 [options] <file.snap>\n\n" +
    "Resumes a snapshot written by vmsnap and runs it to the end, with vmrun's output and\n" +
    "exit-code rules. Exit code 2: the file cannot be read or is not a valid snapshot.\n\n" +
    "$0 --listen [host:]port [--key-file FILE]\n\n" +
    "Serves socket= gateways (loopback unless a host is given): every connection proves it\n" +
    "knows the shared key (--key-file, JAUNT_SOCKET_KEY or JAUNT_SOCKET_KEY_FILE) and only\n" +
    "snapshots signed with it are resumed.",
  false,
)
  .option("snapshot-every", {
    describe:
      "N: as vmrun --snapshot-every: every N instructions, snapshot, discard and decode the VM (0, the default: never)",
  })
  .option("listen", {
    describe: "[host:]port: serve socket= gateways there (host default 127.0.0.1)",
    type: "string",
  })
  .option("key-file", {
    describe: "with --listen: the file holding the shared key",
    type: "string",
  })
  .parseSync();

if (argv.listen !== undefined) {
  void serve(String(argv.listen), argv["key-file"]);
} else {
  resumeFile();
}

/** --listen: serves until killed. */
async function serve(where: string, keyFile: string | undefined): Promise<void> {
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
      log: (line) => process.stderr.write(`${TOOL}: ${line}\n`),
    });
    process.stderr.write(`${TOOL}: listening on ${l.address.host}:${l.address.port}\n`);
  } catch (e) {
    die(TOOL, `cannot listen on ${host}:${port}: ${(e as Error).message}`, 1);
  }
}

function resumeFile(): void {
  const words = [
    ...argv._.map(String),
    ...((argv["--"] as unknown[] | undefined) ?? []).map(String),
  ];
  refuseUnknownOptions(TOOL, argv._.map(String));
  const snapshotEvery = countOption(TOOL, "--snapshot-every", argv["snapshot-every"], 0, "= never");
  if (words.length === 0) die(TOOL, "no snapshot file given; see vmresume --help", BAD_OPTION);
  if (words.length > 1)
    die(TOOL, `one snapshot file expected, got ${words.length}: ${words.join(" ")}`, BAD_OPTION);
  const transport = localContext();
  // vmresume grants what node grants, as vmrun does.
  const opts = {
    capabilities: "all" as const,
    requests: transportRequests(transport),
  };
  const j = resumeOrExit(TOOL, readSnapshot(TOOL, words[0]), opts);
  void runToEnd(j, opts, snapshotEvery).then((code) => {
    process.exitCode = code;
    return finishContext(transport);
  });
}
