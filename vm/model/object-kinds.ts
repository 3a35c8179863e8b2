// Snapshot codecs for object kinds that live outside the core object model.
//
// A built-in with its own internal slots (RegExp, Date, ArrayBuffer, a typed array,
// Proxy, …) registers a codec here from its own module, so adding one does not mean
// editing the snapshot codec. Kinds 100 and up belong to registered codecs; the core
// kinds (plain, array, function, …) stay in snapshot.ts.

import type { JSObject } from "./object";
import type { Realm } from "../runtime/realm";
import type { Value } from "./value";

/** What a codec gets to encode its fields: the value encoder of the snapshot. */
export interface KindEncoder {
  value(v: Value): unknown;
}

/** What a codec gets to decode its fields; `fail` throws a SnapshotError. */
export interface KindDecoder {
  value(v: unknown, where: string): Value;
  fail(message: string): never;
}

export interface ObjectKindCodec<T extends JSObject = JSObject> {
  /** Stable number written into snapshots: never reuse or renumber one. */
  readonly kind: number;
  /** The host class of this kind's objects (checked with instanceof). */
  readonly cls: abstract new (...args: never[]) => T;
  /** The kind-specific fields, after the common ones (proto, flags, properties). */
  encode(o: T, enc: KindEncoder): unknown[];
  /** An empty shell to fill later (references to it may be decoded first). */
  allocate(realm: Realm): T;
  /** Fill the shell from the fields `encode` wrote; validate everything. */
  decode(o: T, fields: unknown[], dec: KindDecoder, where: string): void;
}

const byKind = new Map<number, ObjectKindCodec>();
const codecs: ObjectKindCodec[] = [];

export function registerObjectKind<T extends JSObject>(codec: ObjectKindCodec<T>): void {
  if (codec.kind < 100) throw new Error(`object kind ${codec.kind} is reserved for the core`);
  const existing = byKind.get(codec.kind);
  if (existing) {
    if (existing.cls === codec.cls) return;
    throw new Error(`object kind ${codec.kind} registered twice`);
  }
  byKind.set(codec.kind, codec as unknown as ObjectKindCodec);
  codecs.push(codec as unknown as ObjectKindCodec);
}

/** The registered codec for an object, if its class has one. */
export function codecFor(o: JSObject): ObjectKindCodec | undefined {
  for (const c of codecs) if (o instanceof c.cls) return c;
  return undefined;
}

export function codecOfKind(kind: number): ObjectKindCodec | undefined {
  return byKind.get(kind);
}
