// The error every snapshot check throws (decoding, validation, the signed envelope):
// its own module so that snapshot-sign.ts, which snapshot.ts imports, can throw it too.

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`invalid snapshot: ${message}`);
  }
}
