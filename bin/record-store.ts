// A recording on disk (vmrun --record DIR): snapshots of one run at several steps, with
// the content they share stored once.
//
//   DIR/recording.json   what was recorded: format, program, arguments, interval
//   DIR/<step>.pack      the chunks first seen at that step, one after another
//   DIR/<step>.step      the step's manifest (CBOR): { format, step, stdout, stderr,
//                        size, chunks: [[sha256, pack step, offset, length], …] }
//   DIR/end.json         how the run ended: steps, exit code, output bytes, totals
//
// A snapshot is cut into chunks at CBOR item boundaries (cbor-chunks.ts); a chunk is
// named by its SHA-256 and written into the pack of the first step that has it; a
// manifest lists every chunk of its snapshot in order, so joining them gives the
// snapshot's exact bytes. `stdout`/`stderr` are the UTF-8 bytes the program had
// written when the snapshot was taken. Every file is written atomically (temp file,
// fsync, rename, folder fsync), the pack before the manifest that names it, so a crash
// leaves whole steps only. Reading checks every chunk against its hash.

import * as fs from "node:fs";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { encode as cborEncode, decode as cborDecode } from "cbor-x";
import { chunkBounds } from "./cbor-chunks";
import { ioProblem, writeFileAtomic } from "./common";

export const RECORDING_FORMAT = 1;
const META = "recording.json";
const END = "end.json";

export interface RecordingMeta {
  format: number;
  program: string;
  argv: string[];
  /** The interval asked for, or "auto" (see time-travel.ts). */
  every: number | "auto";
  started: string;
}

export interface RecordingEnd {
  steps: number;
  exitCode: number;
  stdout: number;
  stderr: number;
  snapshots: number;
  /** The bytes of every snapshot taken, summed (what separate files would hold). */
  snapshotBytes: number;
  /** The bytes the recording's files hold. */
  storedBytes: number;
}

/** One recorded step as its manifest describes it. */
export interface StepManifest {
  step: number;
  stdout: number;
  stderr: number;
  size: number;
  chunks: [Uint8Array, number, number, number][];
}

/** A problem with a recording on disk, said in one line (the tools exit 2 on it). */
export class RecordingError extends Error {}

/** Why `dir` cannot receive a new recording, or null: it must be new or empty. */
export function recordingDirProblem(dir: string): string | null {
  if (dir === "") return "the recording folder is empty";
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT")
      return `cannot record into ${dir}: ${ioProblem(e)}`;
    const parent = path.dirname(path.resolve(dir));
    try {
      fs.accessSync(parent, fs.constants.W_OK);
      if (!fs.statSync(parent).isDirectory())
        return `cannot record into ${dir}: ${parent} is not a directory`;
    } catch (e2) {
      return `cannot record into ${dir}: folder ${parent}: ${ioProblem(e2)}`;
    }
    return null;
  }
  if (names.length > 0) return `cannot record into ${dir}: the folder is not empty`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    return `cannot record into ${dir}: ${ioProblem(e)}`;
  }
  return null;
}

function sha256(b: Uint8Array): Buffer {
  return createHash("sha256").update(b).digest();
}

/** Writes a recording: chunks new to it go into the step's pack, then the manifest. */
export class RecordWriter {
  private readonly known = new Map<string, [number, number, number]>();
  private out = { stdout: 0, stderr: 0 };
  snapshots = 0;
  snapshotBytes = 0;
  storedBytes = 0;

  constructor(
    readonly dir: string,
    meta: Omit<RecordingMeta, "format" | "started">,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    const full: RecordingMeta = {
      format: RECORDING_FORMAT,
      ...meta,
      started: new Date().toISOString(),
    };
    this.put(META, Buffer.from(JSON.stringify(full, null, 2) + "\n"));
  }

  /** Counts the program's output: a manifest says how much was written before its step. */
  countOutput(stream: "stdout" | "stderr", text: string): void {
    this.out[stream] += Buffer.byteLength(text, "utf8");
  }

  /** Stores the snapshot taken at `step`. */
  add(step: number, bytes: Uint8Array): void {
    const cuts = chunkBounds(bytes);
    const fresh: Uint8Array[] = [];
    let packed = 0;
    const chunks: StepManifest["chunks"] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const chunk = bytes.subarray(cuts[i], cuts[i + 1]);
      const hash = sha256(chunk);
      const key = hash.toString("hex");
      let where = this.known.get(key);
      if (!where) {
        where = [step, packed, chunk.length];
        this.known.set(key, where);
        fresh.push(chunk);
        packed += chunk.length;
      }
      chunks.push([hash, ...where]);
    }
    if (fresh.length) this.put(`${step}.pack`, Buffer.concat(fresh));
    const manifest = {
      format: RECORDING_FORMAT,
      step,
      stdout: this.out.stdout,
      stderr: this.out.stderr,
      size: bytes.length,
      chunks,
    };
    this.put(`${step}.step`, cborEncode(manifest));
    this.snapshots++;
    this.snapshotBytes += bytes.length;
  }

  /** Notes how the run ended (and the totals, for the curious). */
  end(steps: number, exitCode: number): void {
    const end: RecordingEnd = {
      steps,
      exitCode,
      ...this.out,
      snapshots: this.snapshots,
      snapshotBytes: this.snapshotBytes,
      storedBytes: 0,
    };
    // The end file counts itself too (its length barely depends on the number).
    const text = (n: number) => JSON.stringify({ ...end, storedBytes: n }, null, 2) + "\n";
    const size = this.storedBytes + Buffer.byteLength(text(this.storedBytes));
    this.put(END, Buffer.from(text(size)));
  }

  private put(name: string, data: Uint8Array): void {
    writeFileAtomic(path.join(this.dir, name), data);
    this.storedBytes += data.length;
  }
}

/** Whether `dir` holds a recording (a folder with recording.json). */
export function isRecording(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, META)).isFile();
  } catch {
    return false;
  }
}

function readJson<T>(dir: string, name: string): T | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, name), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new RecordingError(`cannot read ${path.join(dir, name)}: ${ioProblem(e)}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RecordingError(`${path.join(dir, name)} is not valid JSON`);
  }
}

/** Reads a recording's folder: its steps, how it ended, and each step's snapshot. */
export class RecordReader {
  readonly meta: RecordingMeta;
  /** How the run ended, or null if the recording stopped before (killed, crashed). */
  readonly end: RecordingEnd | null;
  /** The recorded steps, ascending. */
  readonly steps: number[];

  constructor(readonly dir: string) {
    const meta = readJson<RecordingMeta>(dir, META);
    if (!meta) throw new RecordingError(`${dir} is not a recording (no ${META})`);
    if (meta.format !== RECORDING_FORMAT)
      throw new RecordingError(
        `${dir}: recording format ${String(meta.format)}, this Jaunt reads ${RECORDING_FORMAT}`,
      );
    this.meta = meta;
    this.end = readJson<RecordingEnd>(dir, END);
    this.steps = fs
      .readdirSync(dir)
      .map((n) => /^(0|[1-9][0-9]*)\.step$/.exec(n)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    if (this.steps.length === 0) throw new RecordingError(`${dir}: the recording has no steps`);
  }

  /** The latest recorded step at or before `step`. */
  nearest(step: number): number {
    let best = this.steps[0];
    for (const s of this.steps) if (s <= step) best = s;
    return best;
  }

  manifest(step: number): StepManifest {
    const file = path.join(this.dir, `${step}.step`);
    let raw: unknown;
    try {
      raw = cborDecode(fs.readFileSync(file));
    } catch (e) {
      throw new RecordingError(`cannot read ${file}: ${ioProblem(e)}`);
    }
    const m = raw as Partial<StepManifest> & { format?: unknown };
    const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
    const chunksOk =
      Array.isArray(m?.chunks) &&
      m.chunks.every(
        (c) =>
          Array.isArray(c) &&
          c.length === 4 &&
          c[0] instanceof Uint8Array &&
          c[0].length === 32 &&
          isCount(c[1]) &&
          isCount(c[2]) &&
          isCount(c[3]),
      );
    if (
      !m ||
      m.format !== RECORDING_FORMAT ||
      m.step !== step ||
      !isCount(m.stdout) ||
      !isCount(m.stderr) ||
      !isCount(m.size) ||
      !chunksOk
    )
      throw new RecordingError(`${file} is not a valid step manifest`);
    return m as StepManifest;
  }

  /** The snapshot recorded at `step` (one of `steps`), every chunk checked. */
  snapshot(step: number): { bytes: Uint8Array; manifest: StepManifest } {
    const m = this.manifest(step);
    const packs = new Map<number, Buffer>();
    const parts: Uint8Array[] = [];
    for (const [hash, pack, off, len] of m.chunks) {
      let data = packs.get(pack);
      if (!data) {
        const file = path.join(this.dir, `${pack}.pack`);
        try {
          data = fs.readFileSync(file);
        } catch (e) {
          throw new RecordingError(`step ${step} needs ${file}: ${ioProblem(e)}`);
        }
        packs.set(pack, data);
      }
      const chunk = data.subarray(off, off + len);
      if (chunk.length !== len || !sha256(chunk).equals(hash))
        throw new RecordingError(
          `step ${step}: a chunk in ${pack}.pack at ${off} does not match its hash (the recording is damaged)`,
        );
      parts.push(chunk);
    }
    const bytes = Buffer.concat(parts);
    if (bytes.length !== m.size)
      throw new RecordingError(
        `step ${step}: the chunks hold ${bytes.length} bytes, not ${m.size}`,
      );
    return { bytes, manifest: m };
  }
}
