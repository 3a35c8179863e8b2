// Where a running vmrun's control socket lives (shared by vmrun, which listens, and
// `vmsnap PID`, which connects): a Unix socket named by the pid, in a folder only this
// user can enter (mode 0700, owned by us, not a symlink), so no other user can reach a
// program's state through it. The folder is $XDG_RUNTIME_DIR/jaunt when the session has
// a runtime folder, else <tmpdir>/jaunt-<uid>.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The message vmsnap sends (one JSON line). */
export interface ControlRequest {
  op: "snapshot";
  /** Absolute path of the snapshot file to write. */
  path: string;
  /** Exit once the file is written (vmresume continues the program). */
  stop: boolean;
}

/** vmrun's answer (one JSON line). */
export type ControlReply =
  | { ok: true; pid: number; steps: number; bytes: number; path: string }
  | { ok: false; pid: number; error: string };

function uid(): number {
  return typeof process.getuid === "function" ? process.getuid() : 0;
}

/** The folders a control socket may be in, the preferred one first. */
export function controlDirs(): string[] {
  const dirs: string[] = [];
  const runtime = process.env.XDG_RUNTIME_DIR;
  if (runtime && path.isAbsolute(runtime)) {
    try {
      if (fs.statSync(runtime).isDirectory()) dirs.push(path.join(runtime, "jaunt"));
    } catch {
      // no usable runtime folder: the temporary folder it is
    }
  }
  dirs.push(path.join(os.tmpdir(), `jaunt-${uid()}`));
  return dirs;
}

export function socketPath(dir: string, pid: number): string {
  return path.join(dir, `${pid}.sock`);
}

/**
 * Why `dir` is not a safe place for control sockets (null: it is): it must be a real
 * folder (not a symlink) owned by this user with no access for anyone else. With
 * `create`, a missing folder is made with mode 0700.
 */
export function privateDirProblem(dir: string, create: boolean): string | null {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT" || !create) return `${dir} does not exist`;
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
      st = fs.lstatSync(dir);
    } catch (e2) {
      return `cannot make ${dir}: ${(e2 as Error).message}`;
    }
  }
  if (!st.isDirectory()) return `${dir} is not a folder`;
  if (st.uid !== uid()) return `${dir} belongs to another user`;
  if ((st.mode & 0o077) !== 0)
    return `${dir} is open to other users (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}
