// The console global, Node-style: log/info/debug to stdout, error/warn/trace to
// stderr, formatted like util.format + util.inspect (see ../inspect.ts). Counters and
// timers live in a guest object so that they are part of snapshots.

import { ArrayObject, JSObject, PF, Prop, type NativeImpl } from "../model/object";
import type { Value } from "../model/value";
import {
  NODE_INSPECT_DEFAULTS,
  NeedGuest,
  formatLogArgs,
  getStringWidth,
  inspect,
  readInspectOptions,
  stylizeWithColor,
  withGuestAnswers,
} from "./inspect";
import { mapEntries, setValues } from "./collections";
import { arg, defineInternal, internalDefiner, makeNative, method } from "./util";
import { frameLine } from "./error";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { LONG_AWARE_NATIVES, LongString, flattenLong } from "../model/long-string";

export function installConsole(realm: Realm): void {
  const c = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("console", new Prop(c, PF.Hidden));
  // Group indentation and counters, as guest data.
  const state = new JSObject(null);
  state.props.set("indent", new Prop("", PF.Default));
  state.props.set("counts", new Prop(new JSObject(null), PF.Default));
  c.props.set("_state", new Prop(state, 0));
  realm.consoleState = state;
  const indent = (realm: Realm) => realm.consoleState.props.get("indent")!.value as string;
  const write = (realm: Realm, toErr: boolean, text: string) => {
    const ind = indent(realm);
    const out = ind
      ? text
          .split("\n")
          .map((l) => ind + l)
          .join("\n")
      : text;
    if (toErr) realm.vm.host.stderr(out + "\n");
    else realm.vm.host.stdout(out + "\n");
  };
  // Formatting that may need guest code (see withGuestAnswers in ../inspect.ts): a
  // state [kind, ...args] is formatted; kind 0/1 logs to stdout/stderr, 2 is inspect(),
  // 3 is util.format() (its string), 4 util.formatWithOptions().
  const format = (realm: Realm, state: Value[]): Value => {
    const kind = state[0];
    if (kind === 2) return inspect(state[1], realm, readInspectOptions(state[2]));
    if (kind === 3) return formatLogArgs(state.slice(1), realm);
    if (kind === 4) return formatLogArgs(state.slice(2), realm, readInspectOptions(state[1]));
    write(realm, kind === 1, formatLogArgs(state.slice(1), realm));
    return undefined;
  };
  const request = (realm: Realm, need: NeedGuest) =>
    realm.newArray([1, need.fn, need.thisArg, realm.newArray(need.args)]);
  const $$ = realm.internals;
  defineInternal(realm, "inspectResume", 2, "aa", (vm, _t, args) => {
    const state = (args[0] as ArrayObject).elems!;
    const results = (args[1] as ArrayObject).elems!.slice();
    const r = withGuestAnswers(results, () => format(vm.realm, state));
    return r instanceof NeedGuest ? request(vm.realm, r) : vm.realm.newArray([0, r]);
  });
  // The first attempt runs natively; the first guest call hands the rest to the
  // self-hosted loop (prelude/76-console.js), which calls inspectResume.
  const formatWithGuest = (vm: Agent, state: Value[]): Value => {
    const r = withGuestAnswers([], () => format(vm.realm, state));
    if (!(r instanceof NeedGuest)) return r;
    return vm.tailCall(vm.realm.helpers.inspectGuestLoop, undefined, [
      vm.realm.internals.getOwnProperty("inspectResume")!.value,
      vm.realm.newArray(state),
      request(vm.realm, r),
    ]);
  };
  // A lone long string is written a piece at a time (never made one host string).
  const log = (toErr: boolean) => (vm: Agent, _t: Value, args: Value[]) => {
    const only = args.length === 1 ? args[0] : undefined;
    if (only instanceof LongString && !indent(vm.realm)) {
      writeLong(vm, toErr, only);
      if (toErr) vm.host.stderr("\n");
      else vm.host.stdout("\n");
      return undefined;
    }
    return formatWithGuest(vm, [toErr ? 1 : 0, ...args.map(flatIfLong)]);
  };
  // util.inspect as a [util.inspect.custom] method receives it.
  $$.props.set(
    "inspectFunction",
    new Prop(
      makeNative(realm, "util.inspect", "inspect", 2, (vm, _t, args) => {
        const opts = arg(args, 1);
        return formatWithGuest(vm, [2, arg(args, 0), opts instanceof JSObject ? opts : undefined]);
      }),
      PF.Hidden,
    ),
  );
  $$.props.set(
    "formatFunction",
    new Prop(
      makeNative(realm, "util.format", "format", 0, (vm, _t, args) =>
        formatWithGuest(vm, [3, ...args]),
      ),
      PF.Hidden,
    ),
  );
  $$.props.set(
    "formatWithOptionsFunction",
    new Prop(
      makeNative(realm, "util.formatWithOptions", "formatWithOptions", 1, (vm, _t, args) =>
        formatWithGuest(vm, [4, ...args]),
      ),
      PF.Hidden,
    ),
  );
  // util.inspect.defaultOptions: guest data that every inspect reads (as sealed as Node's).
  const defaults = new JSObject(realm.ObjectPrototype);
  for (const [k, v] of Object.entries(NODE_INSPECT_DEFAULTS))
    defaults.props.set(k, new Prop(v, PF.Writable | PF.Enumerable));
  defaults.extensible = false;
  $$.props.set("inspectDefaults", new Prop(defaults, PF.Hidden));
  $$.props.set(
    "inspectStylize",
    new Prop(
      makeNative(realm, "util.inspect.stylize", "stylizeNoColor", 2, (_vm, _t, args) =>
        String(arg(args, 0)),
      ),
      PF.Hidden,
    ),
  );
  // The stylize a [util.inspect.custom] method receives when colours are on.
  $$.props.set(
    "inspectStylizeColor",
    new Prop(
      makeNative(realm, "util.inspect.stylizeColor", "stylizeWithColor", 2, (vm, _t, args) =>
        stylizeWithColor(vm.realm, String(arg(args, 0)), String(arg(args, 1))),
      ),
      PF.Hidden,
    ),
  );
  // Terminal columns of a string, for readline's line editor (vm/node/readline.js).
  $$.props.set(
    "stringWidth",
    new Prop(
      makeNative(realm, "jaunt.stringWidth", "stringWidth", 1, (_vm, _t, args) =>
        getStringWidth(String(arg(args, 0))),
      ),
      PF.Hidden,
    ),
  );
  for (const [names, toErr] of [
    [["log", "info", "debug"], false],
    [["error", "warn"], true],
  ] as const)
    for (const name of names)
      LONG_AWARE_NATIVES.add(method(realm, c, "console", name, 0, log(toErr)).id);
  method(realm, c, "console", "trace", 0, (vm, _t, args) => {
    const frames = vm.captureStack().filter((f) => !f.native);
    const lines = frames.map(frameLine);
    write(
      vm.realm,
      true,
      ["Trace" + (args.length ? ": " + formatLogArgs(args, vm.realm) : ""), ...lines].join("\n"),
    );
    return undefined;
  });
  // What Node does without a terminal or an inspector: nothing; dirxml is log.
  for (const name of ["clear", "profile", "profileEnd", "timeStamp"])
    method(realm, c, "console", name, 0, () => undefined);
  method(realm, c, "console", "dirxml", 0, log(false));
  c.props.set(realm.wellKnown.toStringTag, new Prop("console", PF.Configurable));
  // A Node warning (process.emitWarning) on stderr; not indented by groups.
  const warn = (realm: Realm, msg: string, name = "Warning") => {
    const state = realm.consoleState;
    let text = `(node:${process.pid}) ${name}: ${msg}\n`;
    if (!state.props.get("warned")?.value) {
      state.setOwn("warned", true);
      const flag = name.endsWith("DeprecationWarning") ? "--trace-deprecation" : "--trace-warnings";
      text += `(Use \`node ${flag} ...\` to show where the warning was created)\n`;
    }
    realm.vm.host.stderr(text);
  };
  const label = (args: Value[]) =>
    args.length && args[0] !== undefined ? String(args[0]) : "default";
  const table = (realm: Realm, key: string): JSObject => {
    const state = realm.consoleState;
    let t = state.props.get(key)?.value;
    if (!(t instanceof JSObject)) {
      t = new JSObject(null);
      state.setOwn(key, t);
    }
    return t;
  };
  for (const name of ["group", "groupCollapsed"])
    method(realm, c, "console", name, 0, (vm, _t, args) => {
      if (args.length) write(vm.realm, false, formatLogArgs(args, vm.realm));
      vm.realm.consoleState.setOwn("indent", indent(vm.realm) + "  ");
      return undefined;
    });
  method(realm, c, "console", "groupEnd", 0, (vm) => {
    vm.realm.consoleState.setOwn("indent", indent(vm.realm).slice(2));
    return undefined;
  });
  method(
    realm,
    c,
    "console",
    "count",
    0,
    (vm, _t, args) => {
      const l = label(args);
      const counts = table(vm.realm, "counts");
      const n = ((counts.props.get(l)?.value as number) ?? 0) + 1;
      counts.setOwn(l, n);
      write(vm.realm, false, `${l}: ${n}`);
      return undefined;
    },
    "s",
  );
  method(
    realm,
    c,
    "console",
    "countReset",
    0,
    (vm, _t, args) => {
      const l = label(args);
      const counts = table(vm.realm, "counts");
      if (counts.props.has(l)) counts.setOwn(l, 0);
      else warn(vm.realm, `Count for '${l}' does not exist`);
      return undefined;
    },
    "s",
  );
  // Timers keep their start on the VM clock (host.now, in ms) in the guest state.
  method(
    realm,
    c,
    "console",
    "time",
    0,
    (vm, _t, args) => {
      const l = label(args);
      const timers = table(vm.realm, "timers");
      if (timers.props.has(l)) warn(vm.realm, `Label '${l}' already exists for console.time()`);
      else timers.setOwn(l, vm.host.now());
      return undefined;
    },
    "s",
  );
  for (const name of ["timeLog", "timeEnd"])
    method(
      realm,
      c,
      "console",
      name,
      0,
      (vm, _t, args) => {
        const l = label(args);
        const timers = table(vm.realm, "timers");
        const start = timers.props.get(l)?.value;
        if (typeof start !== "number") {
          warn(vm.realm, `No such label '${l}' for console.${name}()`);
          return undefined;
        }
        const text = `${l}: ${formatTime(vm.host.now() - start)}`;
        const data = name === "timeLog" ? args.slice(1) : [];
        write(vm.realm, false, data.length ? formatLogArgs(["%s", text, ...data], vm.realm) : text);
        if (name === "timeEnd") timers.deleteOwn(l);
        return undefined;
      },
      "s",
    );

  // For the self-hosted parts (prelude/76-console.js): assert, dir and table read
  // guest values (toString, option bags, rows) there and print through these.
  const $ = realm.internals;
  const internal = internalDefiner(realm);
  // Called once the prelude added its methods: Node's methods are enumerable own
  // properties, in this order.
  internal("consoleFinish", 0, "", (vm) => {
    const c = vm.realm.global.getOwnProperty("console")!.value as JSObject;
    const rest = new Map(c.props);
    c.props.clear();
    for (const name of NODE_ORDER) {
      const prop = rest.get(name);
      if (!prop) continue;
      prop.flags |= PF.Enumerable;
      c.props.set(name, prop);
      rest.delete(name);
    }
    for (const [k, prop] of rest) c.props.set(k, prop);
    return undefined;
  });
  internal("consoleWrite", 2, "-", (vm, _t, args) => {
    write(vm.realm, args[0] === true, formatLogArgs(args.slice(1), vm.realm));
    return undefined;
  });
  // A warning of the given name (built-in modules' process.emitWarning stand-in).
  internal("writeWarning", 2, "-", (vm, _t, args) => {
    warn(vm.realm, String(arg(args, 1)), String(arg(args, 0)));
    return undefined;
  });
  internal("consoleDir", 2, "-", (vm, _t, args) => {
    write(vm.realm, false, inspect(arg(args, 0), vm.realm, readInspectOptions(arg(args, 1))));
    return undefined;
  });
  internal("consoleCell", 1, "-", (vm, _t, args) => tableCell(vm.realm, arg(args, 0)));
  internal("consoleCollection", 1, "-", (vm, _t, args) => {
    const v = arg(args, 0);
    if (!(v instanceof JSObject)) return undefined;
    const cell = (x: Value) => tableCell(vm.realm, x);
    const index = (n: number) => Array.from({ length: n }, (_, i) => String(i));
    const entries = mapEntries(v);
    if (entries)
      return renderTable(
        ["(iteration index)", "Key", "Values"],
        [index(entries.length), entries.map((e) => cell(e[0])), entries.map((e) => cell(e[1]))],
      );
    const values = setValues(v);
    if (values)
      return renderTable(["(iteration index)", "Values"], [index(values.length), values.map(cell)]);
    return undefined;
  });
  internal("consoleTable", 2, "-", (vm, _t, args) => {
    // (head: string[], columns: (string[] with holes)[]) from the prelude.
    const strings = (a: Value): (string | undefined)[] => {
      if (!(a instanceof ArrayObject)) return [];
      const out: (string | undefined)[] = [];
      for (let i = 0; i < a.length; i++) {
        const p = a.getOwnProperty(String(i));
        out.push(p && !(p.flags & PF.Accessor) ? String(p.value) : undefined);
      }
      return out;
    };
    const head = strings(arg(args, 0)).map((h) => h ?? "");
    const cols = arg(args, 1);
    const columns =
      cols instanceof ArrayObject
        ? Array.from({ length: cols.length }, (_, i) =>
            strings(cols.getOwnProperty(String(i))?.value),
          )
        : [];
    write(vm.realm, false, renderTable(head, columns));
    return undefined;
  });
}

const NODE_ORDER = [
  "log",
  "warn",
  "dir",
  "time",
  "timeEnd",
  "timeLog",
  "trace",
  "assert",
  "clear",
  "count",
  "countReset",
  "group",
  "groupEnd",
  "table",
  "debug",
  "info",
  "dirxml",
  "error",
  "groupCollapsed",
  "profile",
  "profileEnd",
  "timeStamp",
];

/** Node's formatTime: "12.345ms", "1.500s", "2:03.004 (m:ss.mmm)". */
export function formatTime(ms: number): string {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms = ms % 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms = ms % 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split(".");
    const pad = (v: string | number) => String(v).padStart(2, "0");
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : String(minutes);
    return `${res}:${pad(s)}.${frac} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

/** A console.table cell: objects with more than two keys shallower. */
function tableCell(realm: Realm, v: Value): string {
  let depth = 0;
  if (v instanceof JSObject && !(v instanceof ArrayObject)) {
    let n = 0;
    v.forEachProp((k, p) => {
      if (typeof k === "string" && p.flags & PF.Enumerable) n++;
    });
    if (n > 2) depth = -1;
  }
  return inspect(v, realm, { depth, maxArrayLength: 3, breakLength: Infinity });
}

/** Display width: code points (Node also counts East Asian wide characters as 2). */
function width(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return n;
}

/** Node's cli_table: box-drawn, left-aligned cells padded by one space. */
function renderTable(head: string[], columns: (string | undefined)[][]): string {
  const widths = head.map(width);
  const longest = Math.max(0, ...columns.map((c) => c.length));
  const rows: string[][] = [];
  for (let i = 0; i < head.length; i++) {
    const column = columns[i] ?? [];
    for (let j = 0; j < longest; j++) {
      const row = (rows[j] ??= []);
      const value = (row[i] = column[j] ?? "");
      widths[i] = Math.max(widths[i] ?? 0, width(value));
    }
  }
  const renderRow = (row: string[]) =>
    "│" + row.map((cell, i) => ` ${cell}${" ".repeat(widths[i] - width(cell))} `).join("│") + "│";
  const divider = widths.map((w) => "─".repeat(w + 2));
  let out = `┌${divider.join("┬")}┐\n${renderRow(head)}\n├${divider.join("┼")}┤\n`;
  for (const row of rows) out += renderRow(row) + "\n";
  return out + `└${divider.join("┴")}┘`;
}

/** Writes a LongString to the VM's stdout or stderr, a piece per host call. */
export function writeLong(vm: Agent, toErr: boolean, s: LongString): void {
  for (let i = 0; i < s.pieces; i++) {
    if (toErr) vm.host.stderr(s.piece(i));
    else vm.host.stdout(s.piece(i));
  }
}

const flatIfLong = (v: Value): Value => (v instanceof LongString ? flattenLong(v) : v);
