// The Node-style `process` global: argv, env, exit, exitCode, stdout/stderr.write,
// platform. argv and env are filled in by the embedder after the realm is built
// (see VM setup), so the pristine realm does not depend on the host.

import { JSObject, PF, Prop } from "../object";
import { arg, method } from "./util";
import type { Realm } from "../realm";

/** Thrown by process.exit to leave the dispatch loop at once. */
export class ExitSignal {
  constructor(readonly code: number) {}
}

export function installProcess(realm: Realm): void {
  const p = new JSObject(realm.ObjectPrototype, "process");
  realm.global.props.set("process", new Prop(p, PF.Hidden));
  p.props.set("argv", new Prop(realm.newArray([]), PF.Default));
  p.props.set("env", new Prop(realm.newObject(), PF.Default));
  p.props.set("platform", new Prop(process.platform, PF.Default));
  p.props.set("version", new Prop(process.version, PF.Default));
  p.props.set("exitCode", new Prop(undefined, PF.Default));
  method(realm, p, "process", "exit", 1, (vm, _t, args) => {
    let code = arg(args, 0);
    if (code === undefined) code = p.getOwnProperty("exitCode")?.value;
    throw new ExitSignal(code === undefined || code === null ? 0 : Number(code) | 0);
    void vm;
  });
  method(realm, p, "process", "cwd", 0, () => process.cwd());
  for (const [name, toErr] of [
    ["stdout", false],
    ["stderr", true],
  ] as const) {
    const stream = new JSObject(realm.ObjectPrototype);
    p.props.set(name, new Prop(stream, PF.Default));
    method(
      realm,
      stream,
      `process.${name}`,
      "write",
      1,
      (_vm, _t, args) => {
        const s = String(arg(args, 0));
        if (toErr) realm.vm.host.stderr(s);
        else realm.vm.host.stdout(s);
        return true;
      },
      "s",
    );
    stream.props.set("isTTY", new Prop(false, PF.Default));
  }
}
