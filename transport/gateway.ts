// The origin's side: Gateway.open(spec) starts (or connects to) a remote runtime and
// speaks frames with it; gw.resume(snapshot) runs a program there, relaying its output
// and resolving with its exit code. One connection carries any number of programs (the
// payload is sent once per connection).

import { Duplex, PassThrough } from "node:stream";
import { startBootstrap, type BootOptions, type BootedProcess } from "./bootstrap";
import { runtimePayload } from "./bundle";
import { Connection, DisconnectedError } from "./connection";
import { FrameKind, type Frame } from "./frame";
import { frameDispatcher, objectBody, PROTOCOL } from "./remote";
import type { TransportContext } from "./context";
import { connectSocket, type SocketOptions } from "./socket";
import { signForSocket } from "./signing";
import { ChannelEnd } from "./channels";
import { RemoteFailure, sendProgram, type ProgramIO, type RemoteProgram } from "./programs";

export { RemoteFailure, type ProgramIO, type RemoteProgram };
import { parseSpec, withoutVia, type GatewaySpec } from "./spec";
import { trace } from "./trace";
import { encodeOffer } from "../vm/index";
import type { Program } from "../compiler/bytecode";

export interface GatewayOptions extends BootOptions, SocketOptions {
  /**
   * Accept programs the remote sends back (teleport("origin")) and run them here with
   * this context. Without it such programs are refused.
   */
  home?: TransportContext;
}

/** A gateway being opened (Gateway.start). */
export interface Opening {
  gateway: Promise<Gateway>;
  /**
   * popen and ssh=: sends a program before the gateway is open (Gateway.resume's
   * arguments); it fails as the gateway does if the remote never starts. null for
   * socket= (its handshake comes first) and via= (the hop opens first).
   */
  early:
    | ((
        snapshot: Uint8Array,
        io: ProgramIO,
        extra: Record<string, unknown>,
        programs?: readonly Program[],
      ) => RemoteProgram)
    | null;
}

/**
 * A Resume or Exec frame's body: the snapshot (signed for a socket= server, `signKey`),
 * `extra`, and `programs` compiled (program-offers.ts) for a remote running the runtime
 * this side sent (popen, ssh=): a socket= server runs its own runtime and compiles what
 * a snapshot names.
 */
function programBody(
  spec: GatewaySpec,
  signKey: Buffer | undefined,
  snapshot: Uint8Array,
  extra: Record<string, unknown>,
  programs: readonly Program[] | undefined,
): Record<string, unknown> {
  const signed = signKey ? signForSocket(snapshot, signKey, extra.modules) : { snapshot };
  const compiled =
    programs?.length && spec.kind !== "socket" ? { compiled: encodeOffer(programs) } : {};
  return { ...signed, ...extra, ...compiled };
}

export class Gateway {
  private constructor(
    readonly spec: GatewaySpec,
    readonly conn: Connection,
    /** What the remote said in its Hello frame. */
    readonly remote: { node: string; pid: number },
    private readonly shutdown: () => Promise<void>,
    /** socket=: the shared key snapshots are signed with. */
    private readonly signKey?: Buffer,
  ) {}

  static async open(spec: string | GatewaySpec, opts: GatewayOptions = {}): Promise<Gateway> {
    return Gateway.start(spec, opts).gateway;
  }

  /**
   * Gateway.open, and for popen and ssh= (`early`) a first program sent at once: its
   * Resume frame follows the payload on the remote's stdin, so the remote finds it as
   * soon as its runtime runs, rather than one round trip after its Hello.
   */
  static start(spec: string | GatewaySpec, opts: GatewayOptions = {}): Opening {
    try {
      return Gateway.starting(typeof spec === "string" ? parseSpec(spec) : spec, opts);
    } catch (e) {
      // A bad spec, a payload that cannot be built: the opening fails, as an await would.
      return { gateway: Promise.reject(e as Error), early: null };
    }
  }

  private static starting(s: GatewaySpec, opts: GatewayOptions): Opening {
    if (s.via) return { gateway: Gateway.openVia(s, opts), early: null };
    if (s.kind === "socket") return { gateway: Gateway.openSocket(s, opts), early: null };
    // Read (or built) once the process is started: ssh connects meanwhile.
    const payload = () => {
      const p = runtimePayload();
      trace("payload ready");
      return p;
    };
    const started = startBootstrap(s, payload, opts);
    // Frames go out from now on; those from the remote are read once its marker is seen.
    const input = new PassThrough();
    const conn = new Connection(input, started.output, s.text, { channelBase: 1 });
    const gateway = started.booted.then(
      (booted: BootedProcess) => {
        trace("remote's marker seen");
        const gw = Gateway.greet(s, conn, () => booted.close(), opts);
        booted.input.pipe(input);
        return gw;
      },
      (e: Error) => {
        conn.end(new DisconnectedError(e.message, e));
        throw e;
      },
    );
    const early = (
      snapshot: Uint8Array,
      io: ProgramIO,
      extra: Record<string, unknown>,
      programs?: readonly Program[],
    ) => sendProgram(conn, s.text, programBody(s, undefined, snapshot, extra, programs), io);
    return { gateway, early };
  }

  private static async openVia(s: GatewaySpec, opts: GatewayOptions): Promise<Gateway> {
    const outer = await Gateway.open(s.via!, opts);
    try {
      return await outer.openHop(withoutVia(s), opts);
    } catch (e) {
      await outer.close();
      throw e;
    }
  }

  /**
   * socket=: authenticates (over `stream`, a hop's relayed bytes, or a TCP connection
   * of its own) and waits for the server's Hello; `after` runs at shutdown.
   */
  private static async openSocket(
    spec: GatewaySpec,
    opts: GatewayOptions,
    stream?: Duplex,
    after: () => Promise<void> = async () => {},
  ): Promise<Gateway> {
    const { conn, early, sign } = await connectSocket(spec, opts, stream);
    const shutdown = async () => {
      conn.end();
      await after();
    };
    const gw = Gateway.greet(spec, conn, shutdown, opts, sign);
    for (const f of early) conn.onUnrouted(f);
    return gw;
  }

  /** Waits for the remote's Hello; a connection that ends first, or says nothing, fails. */
  private static greet(
    spec: GatewaySpec,
    conn: Connection,
    shutdown: () => Promise<void>,
    opts: GatewayOptions,
    signKey?: Buffer,
  ): Promise<Gateway> {
    return new Promise((resolve, reject) => {
      const ms = opts.timeoutMs ?? 60_000;
      const timer = setTimeout(() => {
        void shutdown();
        reject(new RemoteFailure(`jaunt: ${spec.text}: no Hello from the remote within ${ms} ms`));
      }, ms);
      const off = conn.onEnd((e) => {
        clearTimeout(timer);
        void shutdown();
        reject(e);
      });
      conn.onUnrouted = (f) => {
        clearTimeout(timer);
        off();
        try {
          if (f.kind !== FrameKind.Hello)
            throw new Error(`a ${FrameKind[f.kind]} frame before Hello`);
          const b = objectBody(f);
          if (b.protocol !== PROTOCOL) throw new Error(`remote protocol ${String(b.protocol)}`);
          const remote = { node: String(b.node), pid: Number(b.pid) };
          trace("Hello received");
          const gw = new Gateway(spec, conn, remote, shutdown, signKey);
          const serve = opts.home ? frameDispatcher(conn, { home: opts.home }) : null;
          conn.onUnrouted = (frame) =>
            serve && frame.kind === FrameKind.Resume ? serve(frame) : gw.unexpected(frame);
          resolve(gw);
        } catch (e) {
          void shutdown();
          reject(new RemoteFailure(`jaunt: ${spec.text}: ${(e as Error).message}`));
        }
      };
    });
  }

  private unexpected(frame: Frame): void {
    if (frame.kind === FrameKind.Error && frame.channel === 0) {
      const b = frame.body as { message?: string };
      this.conn.end(new DisconnectedError(`${this.spec.text}: remote error: ${b?.message}`));
    } else if (frame.kind === FrameKind.Resume) {
      const message = "this origin does not take programs back (no home for them)";
      this.conn.send(FrameKind.Error, frame.channel, { message }).catch(() => {});
    }
    // Frames for channels already closed are dropped.
  }

  /**
   * Runs a snapshot remotely; its output goes to `io` as it arrives. `programs`: those
   * the snapshot names (EncodeOptions.programs), sent compiled where they can be used.
   */
  resume(
    snapshot: Uint8Array,
    io: ProgramIO = {},
    extra: Record<string, unknown> = {},
    programs?: readonly Program[],
  ): RemoteProgram {
    const body = programBody(this.spec, this.signKey, snapshot, extra, programs);
    return sendProgram(this.conn, this.spec.text, body, io);
  }

  /**
   * Runs a call snapshot (JauntRequest.snapshotCall) remotely with a channel back: its
   * end here, and a promise that settles once the remote has resumed it.
   */
  exec(
    snapshot: Uint8Array,
    io: ProgramIO = {},
    extra: Record<string, unknown> = {},
    programs?: readonly Program[],
  ): { end: ChannelEnd; accepted: Promise<void> } {
    let accept!: () => void, refuse!: (e: Error) => void;
    const accepted = new Promise<void>((a, r) => ((accept = a), (refuse = r)));
    accepted.catch(() => {});
    let end: ChannelEnd | null = null;
    const ch = this.conn.openChannel((f) => {
      if (f.kind === FrameKind.Ack) accept();
      else if (f.kind === FrameKind.Error)
        refuse(
          new RemoteFailure(
            `jaunt: ${this.spec.text}: ${(f.body as { message?: string })?.message}`,
          ),
        );
      end!.deliver(f);
    });
    end = new ChannelEnd(this.conn, ch, io);
    this.conn.onEnd(refuse);
    this.conn
      .send(FrameKind.Exec, ch, programBody(this.spec, this.signKey, snapshot, extra, programs))
      .catch(() => {});
    return { end, accepted };
  }

  /** Opens `spec` from the remote's side: a connection relayed through this one. */
  private openHop(spec: GatewaySpec, opts: GatewayOptions): Promise<Gateway> {
    const fromRemote = new PassThrough();
    const toRemote = new PassThrough();
    let ch = 0;
    let opened!: () => void, failed!: (e: Error) => void;
    const ready = new Promise<void>((a, r) => ((opened = a), (failed = r)));
    ch = this.conn.openChannel((f) => {
      if (f.kind === FrameKind.Relay && f.body instanceof Uint8Array) fromRemote.write(f.body);
      else if (f.kind === FrameKind.Ack) opened();
      else if (f.kind === FrameKind.Stderr)
        (opts.onStderr ?? process.stderr.write.bind(process.stderr))(String(f.body));
      else if (f.kind === FrameKind.Error)
        failed(
          new RemoteFailure(`jaunt: ${spec.text}: ${(f.body as { message?: string })?.message}`),
        );
      else if (f.kind === FrameKind.Close) fromRemote.end();
    });
    this.conn.onEnd((e) => {
      failed(e);
      fromRemote.end();
    });
    toRemote.on("data", (c: Buffer) => void this.conn.send(FrameKind.Relay, ch, c).catch(() => {}));
    void this.conn.send(FrameKind.Open, ch, { spec: spec.text });
    const outer = this;
    return ready.then(() => {
      if (spec.kind === "socket")
        return Gateway.openSocket(
          spec,
          opts,
          Duplex.from({ readable: fromRemote, writable: toRemote }),
          () => outer.close(),
        );
      const conn = new Connection(fromRemote, toRemote, spec.text, { channelBase: 1 });
      return Gateway.greet(
        spec,
        conn,
        async () => {
          conn.end();
          await outer.close();
        },
        opts,
      );
    });
  }

  /**
   * Tells the remote that no program follows at once: it builds the realm its VMs are
   * copied from while it waits (a program sent right away is better off building its
   * own: it would wait for the build, then pay for a copy).
   */
  prepare(): void {
    this.conn.send(FrameKind.Prepare, 0, {}).catch(() => {});
  }

  /** Closes the connection: the remote ends; a process gets a grace period, then is killed. */
  async close(): Promise<void> {
    this.conn.end();
    await this.shutdown();
  }
}
