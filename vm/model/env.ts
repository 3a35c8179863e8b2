// Environment records: the captured variables of one scope, as data. A closure holds
// the record it was created in; `parent` links the lexical chain.

import type { FunctionCode } from "../../compiler/bytecode";
import type { JSObject } from "./object";
import type { Value } from "./value";
import { SIZE, charge } from "./heap";

export class Env {
  /** Names of the slots sloppy direct eval added after the descriptor's (see names.ts). */
  extra: string[] | null = null;
  /** The binding object of a `with` statement's object environment (no slots). */
  withObject: JSObject | null = null;
  /** The last heap walk over this record: a measurement or a snapshot (see JSObject.mark). */
  mark = 0;
  constructor(
    public slots: Value[],
    readonly parent: Env | null,
    /** The function whose scope descriptor names these slots (for inspection). */
    readonly code: FunctionCode | null,
    readonly scope: number,
  ) {
    charge(SIZE.env + SIZE.slot * slots.length);
  }
}
