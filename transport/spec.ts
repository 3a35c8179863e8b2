// Target specs, in the style of execnet: a kind, then options after "//".
//
//   popen                                 a child `node` on this machine
//   ssh=[user@]host[:port]                the system ssh client (its config, agent, host keys)
//   socket=host:port                      a `vmresume --listen host:port` server
//   …//node=PATH                          the remote node binary (default: node; popen: this one)
//   …//env:NAME=value                     an environment variable for the remote process
//   …//chdir=DIR                          the remote working folder
//   socket=…//tls                         TLS to a `vmresume --listen … --tls-cert` server
//   …//via=SPEC                           reach this target from SPEC's side (the rest of
//                                         the string is SPEC, so hops chain to the right)
//
// e.g. "ssh=c.example//via=ssh=b.example" runs on c, reached through b.

export type GatewayKind = "popen" | "ssh" | "socket";

export interface GatewaySpec {
  kind: GatewayKind;
  /** ssh: the user, if given. */
  user?: string;
  /** ssh and socket: the host. */
  host?: string;
  /** ssh (optional) and socket (required): the port. */
  port?: number;
  node?: string;
  env: Record<string, string>;
  chdir?: string;
  /** socket: speak TLS (the server's certificate is checked). */
  tls?: boolean;
  via?: GatewaySpec;
  /** The spec as written (for messages). */
  text: string;
}

/** A spec that cannot be read; the message names the part that is wrong. */
export class SpecError extends Error {
  readonly code = "ERR_JAUNT_BAD_SPEC";
  constructor(message: string) {
    super(message);
    this.name = "SpecError";
  }
}

const VIA = "//via=";

export function parseSpec(text: string): GatewaySpec {
  if (typeof text !== "string" || text === "")
    throw new SpecError("a gateway spec must be a non-empty string, e.g. 'popen' or 'ssh=host'");
  const viaAt = text.indexOf(VIA);
  const own = viaAt < 0 ? text : text.slice(0, viaAt);
  const [head, ...options] = own.split("//");
  const spec = parseHead(head, text);
  for (const opt of options) applyOption(spec, opt, text);
  if (viaAt >= 0) spec.via = parseSpec(text.slice(viaAt + VIA.length));
  return spec;
}

function parseHead(head: string, text: string): GatewaySpec {
  const base = { env: {}, text };
  if (head === "popen") return { kind: "popen", ...base };
  const eq = head.indexOf("=");
  const kind = eq < 0 ? head : head.slice(0, eq);
  const value = eq < 0 ? "" : head.slice(eq + 1);
  if (kind === "ssh") {
    const m = /^(?:([^@\s/]+)@)?([^@\s:/]+|\[[0-9a-fA-F:.]+\])(?::(\d+))?$/.exec(value);
    if (!m) throw new SpecError(`bad ssh target '${value}' in '${text}': want [user@]host[:port]`);
    return {
      kind: "ssh",
      ...base,
      user: m[1],
      host: m[2].replace(/^\[|\]$/g, ""),
      port: m[3] === undefined ? undefined : portOf(m[3], text),
    };
  }
  if (kind === "socket") {
    const m = /^([^\s:/]+|\[[0-9a-fA-F:.]+\]):(\d+)$/.exec(value);
    if (!m) throw new SpecError(`bad socket target '${value}' in '${text}': want host:port`);
    return {
      kind: "socket",
      ...base,
      host: m[1].replace(/^\[|\]$/g, ""),
      port: portOf(m[2], text),
    };
  }
  throw new SpecError(`unknown gateway '${head}' in '${text}': want popen, ssh=… or socket=…`);
}

function portOf(digits: string, text: string): number {
  const n = Number(digits);
  if (!(n >= 1 && n <= 65535)) throw new SpecError(`bad port ${digits} in '${text}'`);
  return n;
}

function applyOption(spec: GatewaySpec, opt: string, text: string): void {
  if (opt.startsWith("env:")) {
    const eq = opt.indexOf("=");
    const name = eq < 0 ? "" : opt.slice(4, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new SpecError(`bad environment option '${opt}' in '${text}': want env:NAME=value`);
    spec.env[name] = opt.slice(eq + 1);
    return;
  }
  if (opt === "tls") {
    if (spec.kind !== "socket")
      throw new SpecError(`the tls option is for socket= gateways, in '${text}'`);
    spec.tls = true;
    return;
  }
  const eq = opt.indexOf("=");
  const name = eq < 0 ? opt : opt.slice(0, eq);
  const value = opt.slice(eq + 1);
  if ((name === "node" || name === "chdir") && eq > 0 && value !== "") {
    spec[name] = value;
    return;
  }
  throw new SpecError(
    `unknown or empty option '${opt}' in '${text}': want node=, chdir=, env:, tls, via=`,
  );
}

/** The spec without its via= hop (what the hop before it opens). */
export function withoutVia(spec: GatewaySpec): GatewaySpec {
  const { via: _via, ...own } = spec;
  const viaAt = spec.text.indexOf(VIA);
  return { ...own, text: viaAt < 0 ? spec.text : spec.text.slice(0, viaAt) };
}
