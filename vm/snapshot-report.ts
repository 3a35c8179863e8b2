// The text of `vmsnap inspect`: a SnapshotReport (snapshot-inspect.ts) rendered for a
// person to read. Everything shown comes from the report, so `--json` and the text
// never disagree.

import type { FrameReport, NamedValue, SnapshotReport } from "./snapshot-inspect";
import { STRING_TABLE_MIN } from "./snapshot";
import { caretUnder } from "../compiler/lines";

export interface RenderOptions {
  /** Which sections to show: "all", or only the frames (and suspended code), or only the heap. */
  sections: { frames: boolean; heap: boolean; rest: boolean };
  /** Lines shown of one value before it is cut (default 12). */
  maxValueLines?: number;
  /** Rows of the heap table (default 25). */
  heapRows?: number;
}

/** "12.3 KB": bytes for people. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

class Writer {
  readonly lines: string[] = [];
  constructor(private readonly maxValueLines: number) {}

  line(indent: number, text: string): void {
    this.lines.push(" ".repeat(indent) + text);
  }

  /** `name = value`, a long value cut and its later lines indented under the first. */
  value(indent: number, prefix: string, value: string): void {
    const parts = value.split("\n");
    const shown = parts.slice(0, this.maxValueLines);
    this.line(indent, prefix + shown[0]);
    for (const p of shown.slice(1)) this.line(indent + prefix.length, p);
    if (parts.length > shown.length)
      this.line(
        indent + prefix.length,
        `… ${parts.length - shown.length} more line${parts.length - shown.length === 1 ? "" : "s"}`,
      );
  }
}

function where(f: FrameReport): string {
  return `${f.file}:${f.line}:${f.col + 1}`;
}

function frame(w: Writer, f: FrameReport, indent: number): void {
  if (f.sourceLine !== null) {
    const no = String(f.line);
    w.line(indent, `${no} | ${f.sourceLine}`);
    w.line(indent, `${" ".repeat(no.length)} | ${caretUnder(f.sourceLine, f.col)}`);
  }
  if (f.this !== null) w.value(indent, "this = ", f.this);
  // Arguments are mostly the parameters again: each on one line, cut at 60 characters.
  const args = f.arguments.map((a) => {
    const one = a.replace(/\n\s*/g, " ");
    return one.length > 60 ? one.slice(0, 59) + "…" : one;
  });
  w.line(indent, `arguments: ${args.length ? args.join(", ") : "(none)"}`);
  if (f.locals.length) {
    w.line(indent, "locals:");
    for (const l of f.locals) w.value(indent + 2, `${l.name} = `, l.value);
  }
  // Closure variables by scope; a program's top level is listed by name only (it is
  // the same for every frame, and shown in full in the top-level frame).
  const scopes = new Map<string, NamedValue[]>();
  for (const c of f.closure) {
    const list = scopes.get(c.scope) ?? [];
    list.push(c);
    scopes.set(c.scope, list);
  }
  for (const [scope, vars] of scopes) {
    if (scope === "<top level>" || scope === "<module>") {
      w.value(indent, `closure (${scope}): `, vars.map((v) => v.name).join(", "));
      continue;
    }
    w.line(indent, `closure (${scope}):`);
    for (const v of vars) w.value(indent + 2, `${v.name} = `, v.value);
  }
}

/** The whole report as text, one section after another. */
export function renderReport(r: SnapshotReport, opts: RenderOptions): string {
  const w = new Writer(opts.maxValueLines ?? 12);
  const h = r.header;
  w.line(0, `Snapshot: format ${h.format}, compiler ${h.compiler}, ${h.runtime}`);
  w.line(2, `taken ${h.takenAt}, after ${h.steps} instructions`);
  if (h.strings.count > 0)
    w.line(
      2,
      `string table: ${h.strings.count} string${h.strings.count === 1 ? "" : "s"} of ${STRING_TABLE_MIN}+ characters, ${h.strings.chars} characters in all, each written once`,
    );
  if (r.exitCode !== null) w.line(2, `the program has ended: exit code ${r.exitCode}`);
  if (r.uncaught !== null) w.value(2, "uncaught exception: ", r.uncaught);
  w.line(2, "programs:");
  for (const p of h.programs)
    w.line(4, `${p.filename}  ${p.builtin ? "built-in" : p.kind}  ${p.hash}`);
  const { frames, heap, rest } = opts.sections;
  if (frames) {
    w.line(0, "");
    w.line(0, `Frames, innermost first (${r.frames.length})`);
    r.frames.forEach((f, i) => {
      w.line(0, `#${i} ${f.function}${f.kind === "function" ? "" : ` (${f.kind})`}  ${where(f)}`);
      frame(w, f, 4);
    });
    w.line(0, "");
    w.line(0, `Suspended generators and async functions (${r.suspended.length})`);
    for (const s of r.suspended) {
      w.line(2, `${s.kind} ${s.frame.function}, ${s.state}  ${where(s.frame)}`);
      frame(w, s.frame, 6);
    }
  }
  if (rest) {
    w.line(0, "");
    w.line(0, `process.nextTick queue (${r.ticks.length})`);
    for (const t of r.ticks) w.value(2, "", `${t.function}(${t.args.join(", ")})`);
    w.line(0, "");
    w.line(0, `Microtasks queued (${r.microtasks.length})`);
    for (const m of r.microtasks) w.value(2, "", `${m.function}(${m.args.join(", ")})`);
    w.line(0, "");
    w.line(0, `Timers (${r.timers.length})`);
    for (const t of r.timers) {
      const when =
        t.kind === "immediate"
          ? "immediate"
          : `${t.kind}${t.interval !== null ? ` every ${t.interval} ms` : ""}, due ${
              t.dueIn! >= 0 ? `in ${t.dueIn} ms` : `${-t.dueIn!} ms ago`
            } (${new Date(t.dueAt!).toISOString()})`;
      w.value(
        2,
        `#${t.id} ${when}${t.ref ? "" : ", unref'd"}: `,
        `${t.callback}(${t.args.join(", ")})`,
      );
    }
    w.line(0, "");
    w.line(0, `Host operations pending (${r.hostOperations.length})`);
    for (const op of r.hostOperations)
      w.value(2, `#${op.id} `, `${op.name}(${op.args.join(", ")}), started ${op.startedAt}`);
    w.line(0, "");
    w.line(0, `Host resources open (${r.resources.length}) and handles (${r.handles.length})`);
    for (const res of r.resources)
      w.line(
        2,
        `#${res.id} ${res.kind} ${Object.entries(res.data)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(" ")}`,
      );
    for (const hd of r.handles) w.line(2, `handle #${hd.id}: ${hd.function}`);
  }
  if (heap) {
    const hp = r.heap;
    w.line(0, "");
    w.line(
      0,
      `Heap: ${formatBytes(hp.totalBytes)} reachable (estimated), ${hp.objects} objects and environments; programs ${formatBytes(hp.programBytes)}`,
    );
    const rows = hp.byKind.slice(0, opts.heapRows ?? 25);
    w.line(2, `${"bytes".padStart(10)}  ${"count".padStart(7)}  kind / class`);
    for (const e of rows)
      w.line(
        2,
        `${formatBytes(e.bytes).padStart(10)}  ${String(e.count).padStart(7)}  ${e.kind}${e.class === e.kind ? "" : ` / ${e.class}`}`,
      );
    if (hp.byKind.length > rows.length) w.line(2, `… ${hp.byKind.length - rows.length} more kinds`);
  }
  return w.lines.join("\n") + "\n";
}
