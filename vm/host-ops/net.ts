// TCP's host operations (runtime-ops.ts) under the guest's `net` (vm/node/net.js).
// Every operation needs the `net` capability.
//
// A listening server and a connected socket are resources (host-link.ts) of kinds
// "server" and "socket". What comes from the outside reaches the guest as the
// completion of an operation it keeps pending: a listening server keeps one
// `net.accept` pending, a flowing socket one `net.read`. Connections accepted and
// bytes received between two such calls wait here (a queue per server, an Inbox per
// socket), so nothing is lost.
//
// Resume: within one process (reattach) the live objects and pending operations carry
// on. In another process a server or socket is severed: `net.accept` and `net.read`
// are re-issued (they change nothing) and fail at once with ERR_JAUNT_SEVERED, so the
// guest's server or socket emits that error; `net.write`, `net.end`, `net.listen(Pipe)`
// and `net.connect(Pipe)` are failed with ERR_JAUNT_INTERRUPTED (the host may have done them).

import * as net from "node:net";
import { defineResourceKind, type ResourceData } from "./link";
import { defineOperations, promised, type OpContext, type RuntimeOperation } from "./runtime-ops";
import { Inbox, errnoRecord } from "./inbox";

export interface SocketLive {
  sock: net.Socket;
  inbox: Inbox;
}

export interface ServerLive {
  server: net.Server;
  /** Connections accepted by the host that the guest has not taken yet. */
  queue: net.Socket[];
  /** Pending net.accept calls. */
  waiters: ((s: net.Socket | null) => void)[];
  closed: boolean;
  /** The resource kind of its connections, and facts about one beyond its addresses. */
  socketKind: string;
  facts?: (s: net.Socket) => ResourceData;
  /** Run when it stops listening (TLS closes the connections still in their handshake). */
  onStop?: () => void;
}

const NOT_HERE = "a TCP connection lives in the process that opened it and cannot be reopened";

defineResourceKind<SocketLive>({
  kind: "socket",
  describe: (d) =>
    d.localPort == null && d.remotePort == null
      ? "Unix socket connection"
      : `TCP socket ${String(d.localAddress)}:${String(d.localPort)} -> ${String(d.remoteAddress)}:${String(d.remotePort)}`,
  reopen: () => ({ severed: NOT_HERE }),
  close(live) {
    live.sock.destroy();
    live.inbox.end();
  },
});

defineResourceKind<ServerLive>({
  kind: "server",
  describe: (d) =>
    d.path != null
      ? `Unix socket server on ${String(d.path)}`
      : `TCP server on ${String(d.address)}:${String(d.port)}`,
  reopen: () => ({ severed: "a listening socket lives in the process that opened it" }),
  close(live) {
    stopListening(live);
    // The VM is gone: connections nobody accepted are dropped.
    for (const s of live.queue) s.destroy();
    live.queue.length = 0;
  },
});

export function stopListening(live: ServerLive, done?: () => void): void {
  if (!live.closed) {
    live.closed = true;
    live.server.close(() => done?.());
    live.onStop?.();
    for (const w of live.waiters.splice(0)) w(null);
  } else done?.();
}

function socketInfo(s: net.Socket): ResourceData {
  return {
    localAddress: s.localAddress ?? null,
    localPort: s.localPort ?? null,
    remoteAddress: s.remoteAddress ?? null,
    remotePort: s.remotePort ?? null,
    remoteFamily: s.remoteFamily ?? null,
  };
}

/**
 * The resource kinds the stream operations (read, write, end, destroy, accept,
 * closeServer) take: TCP's, and TLS's (host-tls.ts), whose live objects have the same
 * shape — a TLS socket is a net.Socket.
 */
const STREAM_KINDS: Record<string, Set<string>> = {
  socket: new Set(["socket"]),
  server: new Set(["server"]),
};

/** Lets the stream operations take resources of kinds `socket` and `server` too. */
export function addStreamKinds(socket: string, server: string): void {
  STREAM_KINDS.socket.add(socket);
  STREAM_KINDS.server.add(server);
}

/** Records a connected host socket; returns [id, addresses (and `extra`)]. */
export function adopt(
  ctx: OpContext,
  sock: net.Socket,
  kind = "socket",
  extra: ResourceData = {},
): [number, ResourceData] {
  const info = { ...socketInfo(sock), ...extra };
  const inbox = new Inbox(sock, errnoRecord);
  // Errors reach the guest through its reads and writes; the host must not crash.
  sock.on("error", () => {});
  return [ctx.open(kind, info, { sock, inbox } satisfies SocketLive), info];
}

function badHandle(syscall: string): unknown {
  return { message: `EBADF: bad file descriptor, ${syscall}`, errno: -9, code: "EBADF", syscall };
}

function liveOf<L>(ctx: OpContext, id: unknown, kind: string, syscall: string): L {
  const rec = ctx.record(id);
  if (!rec || !STREAM_KINDS[kind].has(rec.kind)) throw badHandle(syscall);
  return ctx.use<L>(rec);
}

function closeRecord(ctx: OpContext, id: unknown, kind: string): void {
  const rec = ctx.record(id);
  if (rec && STREAM_KINDS[kind].has(rec.kind)) ctx.close(rec);
}

export function failed<T>(p: Promise<T>): Promise<T> {
  return p.catch((e) => {
    throw errnoRecord(e);
  });
}

/**
 * Listens with host server `server` on host:port; its `event` brings connections.
 * Resolves [id, { address, family, port }] with the server recorded as `kind`.
 */
export function listenWith(
  ctx: OpContext,
  server: net.Server,
  how: ServerHow,
  port: number,
  host: string,
  backlog: number | null,
): Promise<unknown> {
  return listenOn(ctx, server, how, { port, host, backlog: backlog ?? undefined });
}

type ServerHow = Pick<ServerLive, "socketKind" | "facts" | "onStop"> & {
  event: string;
  kind: string;
};

/** The live record of host server `server`, queueing what its `event` brings. */
function serverLive(server: net.Server, how: ServerHow): ServerLive {
  const live: ServerLive = {
    server,
    queue: [],
    waiters: [],
    closed: false,
    socketKind: how.socketKind,
    facts: how.facts,
    onStop: how.onStop,
  };
  server.on(how.event, (s: net.Socket) => {
    const w = live.waiters.shift();
    if (w) w(s);
    else live.queue.push(s);
  });
  return live;
}

const TCP_SERVER: ServerHow = { event: "connection", kind: "server", socketKind: "socket" };

function tcpServer(): net.Server {
  return net.createServer({ allowHalfOpen: true, pauseOnConnect: false });
}

/**
 * Listens on `where` (a port and host, or a Unix socket's path). A path server's
 * record is { path } (node's server.address() is then that path).
 */
function listenOn(
  ctx: OpContext,
  server: net.Server,
  how: ServerHow,
  where: net.ListenOptions,
): Promise<unknown> {
  return failed(
    new Promise((resolve, reject) => {
      const live = serverLive(server, how);
      server.once("error", reject);
      server.listen(where, () => {
        server.removeListener("error", reject);
        server.on("error", () => {});
        const a = server.address();
        const data: ResourceData =
          a === null || typeof a === "string"
            ? { path: where.path ?? null }
            : { address: a.address, family: a.family, port: a.port };
        resolve([ctx.open(how.kind, data, live), data]);
      });
    }),
  );
}

/** Resolves [id, addresses] once `sock` connects, or rejects with Node's error. */
function connectWith(ctx: OpContext, sock: net.Socket): Promise<unknown> {
  return failed(
    new Promise((resolve, reject) => {
      sock.once("error", reject);
      sock.once("connect", () => {
        sock.removeListener("error", reject);
        resolve(adopt(ctx, sock));
      });
    }),
  );
}

const ops: Record<string, RuntimeOperation> = {
  /** Listens on host:port (port 0: any); [id, { address, family, port }]. */
  listen: {
    capability: "net",
    run: (ctx, port: number, host: string, backlog: number | null) =>
      listenWith(ctx, tcpServer(), TCP_SERVER, port, host, backlog),
  },
  /**
   * Listens on a port of every address, synchronously as Node binds one when no host is
   * named (`server.listen(0); server.address().port` works at once): [id, { address,
   * family, port }], or null when the bind did not happen now (a port in use: the
   * asynchronous `listen` then reports Node's error).
   */
  listenNow: {
    capability: "net",
    run: (ctx, port: number, backlog: number | null) => {
      const server = tcpServer();
      const live = serverLive(server, TCP_SERVER);
      server.on("error", () => {});
      server.listen({ port, backlog: backlog ?? undefined });
      const a = server.address();
      if (a === null || typeof a === "string") {
        server.close();
        return null;
      }
      const data = { address: a.address, family: a.family, port: a.port };
      return [ctx.open(TCP_SERVER.kind, data, live), data];
    },
  },
  /**
   * Listens on a Unix domain socket at `path` (readableAll/writableAll: the socket file
   * is made readable/writable by all users); [id, { path }].
   */
  listenPipe: {
    capability: "net",
    run: (
      ctx,
      path: string,
      backlog: number | null,
      access?: { readableAll?: boolean; writableAll?: boolean },
    ) =>
      listenOn(ctx, tcpServer(), TCP_SERVER, {
        path,
        backlog: backlog ?? undefined,
        readableAll: access?.readableAll === true,
        writableAll: access?.writableAll === true,
      }),
  },
  /** The next connection: [socket id, addresses], or null once the server is closed. */
  accept: {
    capability: "net",
    idempotent: true,
    run: promised((ctx, id: number) => {
      const live = liveOf<ServerLive>(ctx, id, "server", "accept");
      return new Promise<unknown>((resolve) => {
        const take = (s: net.Socket | null) =>
          resolve(s ? adopt(ctx, s, live.socketKind, live.facts?.(s)) : null);
        const s = live.queue.shift();
        if (s) take(s);
        else if (live.closed) take(null);
        else live.waiters.push(take);
      });
    }),
  },
  /** Stops listening; resolves once the host server has closed (its connections ended). */
  closeServer: {
    capability: "net",
    run: (ctx, id: number) => {
      const rec = ctx.record(id);
      if (!rec || !STREAM_KINDS.server.has(rec.kind)) return Promise.resolve();
      let live: ServerLive;
      try {
        live = ctx.use<ServerLive>(rec);
      } catch {
        ctx.close(rec);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) =>
        stopListening(live, () => {
          ctx.close(rec);
          resolve();
        }),
      );
    },
  },
  /** Connects to host:port; [id, addresses], or Node's error (ECONNREFUSED…). */
  connect: {
    capability: "net",
    run: (ctx, port: number, host: string) =>
      connectWith(ctx, net.connect({ port, host, allowHalfOpen: true })),
  },
  /** Connects to the Unix domain socket at `path`; [id, addresses (all null)]. */
  connectPipe: {
    capability: "net",
    run: (ctx, path: string) => connectWith(ctx, net.connect({ path, allowHalfOpen: true })),
  },
  /** The bytes received since the last read (waits for some), or null at the end. */
  read: {
    capability: "net",
    idempotent: true,
    run: promised((ctx, id: number) => liveOf<SocketLive>(ctx, id, "socket", "read").inbox.read()),
  },
  /** Writes bytes; resolves once the host has handed them to the kernel. */
  write: {
    capability: "net",
    run: promised((ctx, id: number, data: Uint8Array) => {
      const { sock } = liveOf<SocketLive>(ctx, id, "socket", "write");
      return failed(
        new Promise<void>((resolve, reject) =>
          sock.write(data, (e) => (e ? reject(e) : resolve())),
        ),
      );
    }),
  },
  /** Half-closes: sends FIN after what was written. */
  end: {
    capability: "net",
    run: promised((ctx, id: number) => {
      const { sock } = liveOf<SocketLive>(ctx, id, "socket", "end");
      return new Promise<void>((resolve) => sock.end(() => resolve()));
    }),
  },
  /** Closes the socket at once and forgets it (a severed one too). */
  destroy: {
    capability: "net",
    run: (ctx, id: number) => closeRecord(ctx, id, "socket"),
  },
  /** Closes a connection with a reset (RST) instead of a FIN, then forgets it. */
  reset: {
    capability: "net",
    run: (ctx, id: number) => {
      const rec = ctx.record(id);
      if (!rec || !STREAM_KINDS.socket.has(rec.kind)) return;
      const { sock } = ctx.use<SocketLive>(rec);
      if (typeof sock.resetAndDestroy === "function") sock.resetAndDestroy();
      ctx.close(rec);
    },
  },
};
defineOperations("net", ops);
