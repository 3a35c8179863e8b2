// JSON.parse of a big text in slices (see work.ts): a parser whose whole state is
// data — the position, the containers being filled (guest objects) and the key each
// object is waiting for — so it stops between two values, and a snapshot taken
// while a 45 MB text is being parsed resumes where it stopped.
//
// The parser accepts exactly ECMA-404 JSON, as the host's JSON.parse does. On a
// syntax error it asks the host's JSON.parse for the message (V8's wording, with
// its position and excerpt), which costs one host parse up to the error.

import { ArrayObject, JSObject, genericElements } from "../model/object";
import type { Value } from "../model/value";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject } from "./work";
import { SIZE, charge } from "../model/heap";

/** Texts at least this long are parsed in slices; shorter ones by the host at once. */
/**
 * Converts host JSON data to guest values. Iterative (a work list of host value and
 * guest shell), so data nested 20,000 deep does not use the host stack.
 */
export function fromHostJSON(realm: Realm, v: unknown): Value {
  const work: [unknown, JSObject][] = [];
  const shell = (x: unknown): Value => {
    if (x === null || typeof x !== "object") return x as Value;
    const g = Array.isArray(x)
      ? new ArrayObject(realm.ArrayPrototype)
      : new JSObject(realm.ObjectPrototype);
    work.push([x, g]);
    return g;
  };
  const root = shell(v);
  while (work.length > 0) {
    const [x, g] = work.pop()!;
    if (g instanceof ArrayObject) {
      charge(SIZE.slot * (x as unknown[]).length);
      g.elems = genericElements((x as unknown[]).map(shell));
      continue;
    }
    for (const [k, item] of Object.entries(x as Record<string, unknown>))
      g.defineOwn(k, {
        value: shell(item),
        hasValue: true,
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
  return root;
}

export const JSON_SLICED_LENGTH = 4096;

/** Work units (characters read, plus VALUE_COST per value made) in one slice. */
const SLICE_UNITS = 16_000;
const VALUE_COST = 8;

const KIND_JSON_PARSE_WORK = 171;

/** Where the parser stands: before a value, or after one (`carry`) to be stored. */
const enum Phase {
  Value = 0,
  Store = 1,
  Done = 2,
}

class JsonSyntaxError extends Error {}

export class JsonParseWork extends WorkObject {
  pos = 0;
  phase = Phase.Value;
  /** The value parsed last, waiting to be stored into the innermost container. */
  carry: Value = undefined;
  /** The containers being filled, outermost first. */
  containers: JSObject[] = [];
  /** For each container: the key its next value goes to (null for arrays). */
  keys: (string | null)[] = [];

  constructor(
    public text: string,
    /** A reviver function, called (self-hosted) once the parse is done; or undefined. */
    public reviver: Value,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    let result: Value | typeof PENDING;
    try {
      result = this.parseSlice(vm.realm);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      result = hostVerdict(vm, this.text);
    }
    if (result === PENDING) return PENDING;
    this.containers = [];
    this.keys = [];
    if (this.reviver instanceof JSObject)
      return vm.tailCall(vm.realm.helpers.jsonRevive, undefined, [result, this.reviver]);
    return result;
  }

  private parseSlice(realm: Realm): Value | typeof PENDING {
    const text = this.text;
    const len = text.length;
    const { containers, keys } = this;
    let pos = this.pos;
    let units = 0;
    let value: Value = this.carry;
    let phase = this.phase;
    this.carry = undefined;
    for (;;) {
      if (phase === Phase.Value) {
        if (units >= SLICE_UNITS) break;
        pos = skipSpace(text, pos);
        const start = pos;
        const c = text.charCodeAt(pos);
        units += VALUE_COST;
        if (c === 0x7b /* { */) {
          const o = new JSObject(realm.ObjectPrototype);
          pos = skipSpace(text, pos + 1);
          if (text.charCodeAt(pos) === 0x7d /* } */) {
            value = o;
            pos++;
            phase = Phase.Store;
          } else {
            const [key, next] = readKey(text, pos);
            containers.push(o);
            keys.push(key);
            pos = next;
          }
        } else if (c === 0x5b /* [ */) {
          const a = new ArrayObject(realm.ArrayPrototype);
          pos = skipSpace(text, pos + 1);
          if (text.charCodeAt(pos) === 0x5d /* ] */) {
            value = a;
            pos++;
            phase = Phase.Store;
          } else {
            containers.push(a);
            keys.push(null);
          }
        } else {
          [value, pos] = readScalar(text, pos);
          phase = Phase.Store;
        }
        units += pos - start;
        continue;
      }
      if (phase === Phase.Done) {
        this.pos = pos;
        this.phase = phase;
        return value;
      }
      // Phase.Store: put `value` into the innermost container, then read what follows.
      const depth = containers.length;
      if (depth === 0) {
        if (skipSpace(text, pos) !== len) throw new JsonSyntaxError();
        phase = Phase.Done;
        continue;
      }
      if (units >= SLICE_UNITS) break;
      units += VALUE_COST;
      const top = containers[depth - 1];
      const key = keys[depth - 1];
      if (key === null) (top as ArrayObject).elems!.push(value);
      else top.setOwn(key, value);
      const start = pos;
      pos = skipSpace(text, pos);
      const c = text.charCodeAt(pos++);
      if (c === 0x2c /* , */) {
        if (key !== null) {
          const [next, after] = readKey(text, skipSpace(text, pos));
          keys[depth - 1] = next;
          pos = after;
        }
        phase = Phase.Value;
      } else if (c === (key === null ? 0x5d : 0x7d)) {
        value = containers.pop()!;
        keys.pop();
      } else throw new JsonSyntaxError();
      units += pos - start;
    }
    this.pos = pos;
    this.phase = phase;
    this.carry = phase === Phase.Store ? value : undefined;
    return PENDING;
  }
}

/**
 * The host's verdict on a text this parser refused: its SyntaxError, worded as V8
 * words it. (Should the host accept the text after all, its value is the answer.)
 */
function hostVerdict(vm: Agent, text: string): Value {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return vm.throwError("SyntaxError", (e as Error).message);
  }
  return fromHostJSON(vm.realm, data);
}

function skipSpace(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
    else return pos;
  }
}

/** A property name and the ':' after it: [key, position after the colon]. */
function readKey(text: string, pos: number): [string, number] {
  if (text.charCodeAt(pos) !== 0x22) throw new JsonSyntaxError();
  const [key, after] = readString(text, pos);
  const colon = skipSpace(text, after);
  if (text.charCodeAt(colon) !== 0x3a /* : */) throw new JsonSyntaxError();
  return [key, colon + 1];
}

function readScalar(text: string, pos: number): [Value, number] {
  const c = text.charCodeAt(pos);
  if (c === 0x22) return readString(text, pos);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber(text, pos);
  for (const [word, v] of WORDS) if (text.startsWith(word, pos)) return [v, pos + word.length];
  throw new JsonSyntaxError();
}

const WORDS: [string, Value][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A number by JSON's grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function readNumber(text: string, start: number): [number, number] {
  let pos = start;
  if (text.charCodeAt(pos) === 0x2d) pos++;
  if (text.charCodeAt(pos) === 0x30) pos++;
  else if (isDigit(text.charCodeAt(pos))) while (isDigit(text.charCodeAt(pos))) pos++;
  else throw new JsonSyntaxError();
  if (text.charCodeAt(pos) === 0x2e) {
    pos++;
    if (!isDigit(text.charCodeAt(pos))) throw new JsonSyntaxError();
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  const e = text.charCodeAt(pos);
  if (e === 0x65 || e === 0x45) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === 0x2b || sign === 0x2d) pos++;
    if (!isDigit(text.charCodeAt(pos))) throw new JsonSyntaxError();
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  return [Number(text.slice(start, pos)), pos];
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** A string starting at the quote at `start`: [value, position after the closing quote]. */
function readString(text: string, start: number): [string, number] {
  let pos = start + 1;
  let out = "";
  let from = pos;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 0x22) return [out + text.slice(from, pos), pos + 1];
    if (c !== c || c < 0x20) throw new JsonSyntaxError(); // the end, or a control character
    if (c !== 0x5c) {
      pos++;
      continue;
    }
    out += text.slice(from, pos);
    const e = text[pos + 1];
    if (e === "u") {
      const hex = text.slice(pos + 2, pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError();
      out += String.fromCharCode(parseInt(hex, 16));
      pos += 6;
    } else {
      const ch = e === undefined ? undefined : ESCAPES[e];
      if (ch === undefined) throw new JsonSyntaxError();
      out += ch;
      pos += 2;
    }
    from = pos;
  }
}

registerObjectKind<JsonParseWork>({
  kind: KIND_JSON_PARSE_WORK,
  cls: JsonParseWork,
  encode: (o, enc) => [
    enc.value(o.text),
    o.pos,
    o.phase,
    enc.value(o.carry),
    o.containers.map((c) => enc.value(c)),
    o.keys,
    enc.value(o.reviver),
  ],
  allocate: () => new JsonParseWork("", undefined),
  decode(o, fields, dec, where) {
    const [rawText, pos, phase, carry, containers, keys, reviver] = fields;
    const text = dec.value(rawText, where);
    if (typeof text !== "string") return dec.fail(`${where}: a JSON parse without its text`);
    if (!Number.isInteger(pos) || (pos as number) < 0 || (pos as number) > text.length)
      return dec.fail(`${where}: a JSON parse position outside its text`);
    if (phase !== Phase.Value && phase !== Phase.Store && phase !== Phase.Done)
      return dec.fail(`${where}: a bad JSON parse phase`);
    if (!Array.isArray(containers) || !Array.isArray(keys) || containers.length !== keys.length)
      return dec.fail(`${where}: bad JSON parse containers`);
    o.containers = containers.map((c) => {
      const v = dec.value(c, where);
      if (!(v instanceof JSObject))
        return dec.fail(`${where}: a JSON container that is not an object`);
      return v;
    });
    o.keys = keys.map((k, i) => {
      const isArray = o.containers[i] instanceof ArrayObject;
      if (isArray ? k !== null : typeof k !== "string")
        return dec.fail(`${where}: a JSON container with a bad pending key`);
      return k as string | null;
    });
    o.text = text;
    o.pos = pos as number;
    o.phase = phase as Phase;
    o.carry = dec.value(carry, where);
    o.reviver = dec.value(reviver, where);
  },
});
