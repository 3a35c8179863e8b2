// The console global, Node-style: log/info/debug to stdout, error/warn/trace to
// stderr, formatted like util.format + util.inspect (see ../inspect.ts). Counters and
// timers live in a guest object so that they are part of snapshots.

import { JSObject, PF, Prop } from "../object";
import type { Value } from "../value";
import { formatLogArgs, inspect } from "../inspect";
import { arg, method } from "./util";
import type { Realm } from "../realm";

export function installConsole(realm: Realm): void {
  const c = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("console", new Prop(c, PF.Hidden));
  // Group indentation and counters, as guest data.
  const state = new JSObject(null);
  state.props.set("indent", new Prop("", PF.Default));
  state.props.set("counts", new Prop(new JSObject(null), PF.Default));
  c.props.set("_state", new Prop(state, 0));
  const indent = () => state.props.get("indent")!.value as string;
  const write = (toErr: boolean, text: string) => {
    const ind = indent();
    const out = ind
      ? text
          .split("\n")
          .map((l) => ind + l)
          .join("\n")
      : text;
    if (toErr) realm.vm.host.stderr(out + "\n");
    else realm.vm.host.stdout(out + "\n");
  };
  const log = (toErr: boolean) => (_vm: unknown, _t: Value, args: Value[]) => {
    write(toErr, formatLogArgs(args, realm));
    return undefined;
  };
  for (const name of ["log", "info", "debug"]) method(realm, c, "console", name, 0, log(false));
  for (const name of ["error", "warn"]) method(realm, c, "console", name, 0, log(true));
  method(realm, c, "console", "trace", 0, (vm, _t, args) => {
    const frames = vm.captureStack().filter((f) => !f.native);
    const lines = frames.map(
      (f) =>
        `    at ${f.name ? `${f.name} (${f.filename}:${f.line}:${f.col})` : `${f.filename}:${f.line}:${f.col}`}`,
    );
    write(
      true,
      ["Trace" + (args.length ? ": " + formatLogArgs(args, realm) : ""), ...lines].join("\n"),
    );
    return undefined;
  });
  method(realm, c, "console", "dir", 0, (_vm, _t, args) => {
    write(false, inspect(arg(args, 0), realm));
    return undefined;
  });
  method(realm, c, "console", "assert", 0, (_vm, _t, args) => {
    const ok = arg(args, 0);
    if (!ok)
      write(
        true,
        "Assertion failed" + (args.length > 1 ? ": " + formatLogArgs(args.slice(1), realm) : ""),
      );
    return undefined;
  });
  method(realm, c, "console", "group", 0, (_vm, _t, args) => {
    if (args.length) write(false, formatLogArgs(args, realm));
    state.setOwn("indent", indent() + "  ");
    return undefined;
  });
  method(realm, c, "console", "groupEnd", 0, () => {
    state.setOwn("indent", indent().slice(2));
    return undefined;
  });
  method(realm, c, "console", "count", 0, (_vm, _t, args) => {
    const label = args.length && args[0] !== undefined ? String(args[0]) : "default";
    const counts = state.props.get("counts")!.value as JSObject;
    const n = ((counts.props.get(label)?.value as number) ?? 0) + 1;
    counts.setOwn(label, n);
    write(false, `${label}: ${n}`);
    return undefined;
  });
  method(realm, c, "console", "countReset", 0, (_vm, _t, args) => {
    const label = args.length && args[0] !== undefined ? String(args[0]) : "default";
    (state.props.get("counts")!.value as JSObject).setOwn(label, 0);
    return undefined;
  });
}
