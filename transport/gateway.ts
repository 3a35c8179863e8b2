// The origin's side: Gateway.open(spec) starts (or connects to) a remote runtime and
// speaks frames with it; gw.resume(snapshot) runs a program there, relaying its output
// and resolving with its exit code. One connection carries any number of programs (the
// payload is sent once per connection).

import { PassThrough } from "node:stream";
import { bootstrap, type BootOptions, type BootedProcess } from "./bootstrap";
import { runtimePayload } from "./bundle";
import { Connection, DisconnectedError } from "./connection";
import { FrameKind, type Frame } from "./frame";
import { objectBody, PROTOCOL } from "./remote";
import { connectSocket, type SocketOptions } from "./socket";
import { signForSocket } from "./signing";
import { parseSpec, withoutVia, type GatewaySpec } from "./spec";

export interface GatewayOptions extends BootOptions, SocketOptions {}

/** Where a remote program's output goes (default: this process's stdout/stderr). */
export interface ProgramIO {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** A program sent to a remote. */
export interface RemoteProgram {
  /** Resolves once the remote has resumed it; rejects if it was refused or never arrived. */
  accepted: Promise<void>;
  /** Resolves with the remote exit code. */
  exit: Promise<number>;
}

/** The remote refused something or failed; `remoteCode` is its error code if it had one. */
export class RemoteFailure extends Error {
  readonly code = "ERR_JAUNT_REMOTE";
  constructor(
    message: string,
    readonly remoteCode?: string,
  ) {
    super(message);
    this.name = "RemoteFailure";
  }
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
    const s = typeof spec === "string" ? parseSpec(spec) : spec;
    if (s.via) {
      const outer = await Gateway.open(s.via, opts);
      try {
        return await outer.openHop(withoutVia(s), opts);
      } catch (e) {
        await outer.close();
        throw e;
      }
    }
    if (s.kind === "socket") {
      const { conn, early, sign } = await connectSocket(s, opts);
      const gw = Gateway.greet(s, conn, async () => conn.end(), opts, sign);
      for (const f of early) conn.onUnrouted(f);
      return gw;
    }
    const booted: BootedProcess = await bootstrap(s, runtimePayload(), opts);
    const conn = new Connection(booted.input, booted.output, s.text, { channelBase: 1 });
    return Gateway.greet(s, conn, () => booted.close(), opts);
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
          const gw = new Gateway(spec, conn, remote, shutdown, signKey);
          conn.onUnrouted = (frame) => gw.unexpected(frame);
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
    }
    // Frames for channels already closed are dropped.
  }

  /** Runs a snapshot remotely; its output goes to `io` as it arrives. */
  resume(
    snapshot: Uint8Array,
    io: ProgramIO = {},
    extra: Record<string, unknown> = {},
  ): RemoteProgram {
    const stdout = io.stdout ?? ((t: string) => process.stdout.write(t));
    const stderr = io.stderr ?? ((t: string) => process.stderr.write(t));
    let accept!: () => void, refuse!: (e: Error) => void;
    let finish!: (code: number) => void, fail!: (e: Error) => void;
    const accepted = new Promise<void>((a, r) => ((accept = a), (refuse = r)));
    const exit = new Promise<number>((a, r) => ((finish = a), (fail = r)));
    // A program refused is also a program that never exits: both promises reject.
    accepted.catch(() => {});
    exit.catch(() => {});
    let ch = 0;
    const off = this.conn.onEnd((e) => {
      refuse(e);
      fail(e);
    });
    const done = () => {
      off();
      this.conn.unroute(ch);
    };
    ch = this.conn.openChannel((f) => {
      switch (f.kind) {
        case FrameKind.Stdout:
          stdout(String(f.body));
          break;
        case FrameKind.Stderr:
          stderr(String(f.body));
          break;
        case FrameKind.Ack:
          accept();
          break;
        case FrameKind.Exit: {
          const code = (f.body as { code?: unknown })?.code;
          done();
          finish(typeof code === "number" && Number.isInteger(code) ? code : 1);
          break;
        }
        case FrameKind.Error: {
          const b = f.body as { message?: string; code?: string };
          const e = new RemoteFailure(`jaunt: ${this.spec.text}: ${b?.message}`, b?.code);
          done();
          refuse(e);
          fail(e);
          break;
        }
      }
    });
    const signed = this.signKey ? signForSocket(snapshot, this.signKey) : { snapshot };
    this.conn.send(FrameKind.Resume, ch, { ...signed, ...extra }).catch(() => {});
    return { accepted, exit };
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

  /** Closes the connection: the remote ends; a process gets a grace period, then is killed. */
  async close(): Promise<void> {
    this.conn.end();
    await this.shutdown();
  }
}
