// Writing a file so that readers never see part of it (snapshots: vmsnap, jaunt.snapshot).

import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Writes `data` to `file` atomically: a temporary file beside it, written and fsynced,
 * renamed over the target, then the folder fsynced so the rename is durable. Readers
 * see the old file or the whole new one, never a part; on any failure the temporary
 * file is removed and the error rethrown.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const tmp = path.join(
    dir,
    `.${path.basename(abs)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", 0o644);
    let off = 0;
    while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Some file systems refuse to fsync a folder; the data itself is already synced.
  }
}
