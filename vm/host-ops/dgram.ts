// UDP's host operations (runtime-ops.ts) under the guest's `dgram` (vm/node/dgram.js).
// Every operation needs the `net` capability.
//
// A bound socket is a resource (link.ts) of kind "udp". Datagrams reach the guest as
// the completion of the `dgram.recv` it keeps pending while bound; those that arrive
// between two such calls wait here in a queue, so none is lost.
//
// Resume: within one process (reattach) the live socket and its pending receive carry
// on. In another process it is severed: `dgram.recv` is re-issued (it changes nothing)
// and fails at once with ERR_JAUNT_SEVERED; `dgram.send` and `dgram.bind` are failed
// with ERR_JAUNT_INTERRUPTED (the host may have done them).

import * as dgram from "node:dgram";
import { defineResourceKind } from "./link";
import { defineOperations, promised, type OpContext, type RuntimeOperation } from "./runtime-ops";
import { errnoRecord } from "./inbox";
import { failed } from "./net";

/** A datagram as the guest gets it: its bytes and Node's `rinfo`. */
type Datagram = [Uint8Array, { address: string; family: string; port: number; size: number }];

interface UdpLive {
  sock: dgram.Socket;
  /** Datagrams received that the guest has not taken yet. */
  queue: Datagram[];
  /** Pending dgram.recv calls. */
  waiters: ((d: Datagram | null) => void)[];
  closed: boolean;
}

defineResourceKind<UdpLive>({
  kind: "udp",
  describe: (d) => `UDP socket ${String(d.address)}:${String(d.port)}`,
  reopen: () => ({ severed: "a UDP socket lives in the process that bound it" }),
  close(live) {
    closeLive(live);
  },
});

function closeLive(live: UdpLive): void {
  if (live.closed) return;
  live.closed = true;
  live.sock.close();
  live.queue.length = 0;
  for (const w of live.waiters.splice(0)) w(null);
}

function badHandle(syscall: string): unknown {
  return { message: `EBADF: bad file descriptor, ${syscall}`, errno: -9, code: "EBADF", syscall };
}

function liveOf(ctx: OpContext, id: unknown, syscall: string): UdpLive {
  const rec = ctx.record(id);
  if (!rec || rec.kind !== "udp") throw badHandle(syscall);
  return ctx.use<UdpLive>(rec);
}

/** The options a guest may set on a bound socket, by the host method's name. */
const SETTERS = new Set([
  "setBroadcast",
  "setTTL",
  "setMulticastTTL",
  "setMulticastLoopback",
  "setMulticastInterface",
  "addMembership",
  "dropMembership",
  "setRecvBufferSize",
  "setSendBufferSize",
]);

const ops: Record<string, RuntimeOperation> = {
  /** Binds a new udp4/udp6 socket to address:port (0: any); [id, { address, family, port }]. */
  bind: {
    capability: "net",
    run: (ctx, type: string, port: number, address: string, reuseAddr: boolean) =>
      failed(
        new Promise((resolve, reject) => {
          const sock = dgram.createSocket({ type: type === "udp6" ? "udp6" : "udp4", reuseAddr });
          const live: UdpLive = { sock, queue: [], waiters: [], closed: false };
          sock.on("message", (msg, rinfo) => {
            const d: Datagram = [
              new Uint8Array(msg),
              { address: rinfo.address, family: rinfo.family, port: rinfo.port, size: rinfo.size },
            ];
            const w = live.waiters.shift();
            if (w) w(d);
            else live.queue.push(d);
          });
          sock.once("error", reject);
          sock.bind(port, address, () => {
            sock.removeListener("error", reject);
            // Errors reach the guest through its sends; the host must not crash.
            sock.on("error", () => {});
            const a = sock.address();
            const data = { address: a.address, family: a.family, port: a.port };
            resolve([ctx.open("udp", data, live), data]);
          });
        }),
      ),
  },
  /** The next datagram: [bytes, rinfo], or null once the socket is closed. */
  recv: {
    capability: "net",
    idempotent: true,
    run: promised((ctx, id: number) => {
      const live = liveOf(ctx, id, "recvmsg");
      return new Promise<Datagram | null>((resolve) => {
        const d = live.queue.shift();
        if (d) resolve(d);
        else if (live.closed) resolve(null);
        else live.waiters.push(resolve);
      });
    }),
  },
  /** Sends one datagram (to the connected peer when port is null); the bytes sent. */
  send: {
    capability: "net",
    run: promised((ctx, id: number, data: Uint8Array, port: number | null, address: string) => {
      const { sock } = liveOf(ctx, id, "send");
      return failed(
        new Promise<number>((resolve, reject) => {
          const done = (e: Error | null, bytes: number) => (e ? reject(e) : resolve(bytes));
          if (port === null) sock.send(data, done);
          else sock.send(data, port, address, done);
        }),
      );
    }),
  },
  /** Associates the socket with one peer; { address, family, port } of it. */
  connect: {
    capability: "net",
    run: promised((ctx, id: number, port: number, address: string) => {
      const { sock } = liveOf(ctx, id, "connect");
      return failed(
        new Promise((resolve, reject) => {
          sock.once("error", reject);
          sock.connect(port, address, () => {
            sock.removeListener("error", reject);
            const a = sock.remoteAddress();
            resolve({ address: a.address, family: a.family, port: a.port });
          });
        }),
      );
    }),
  },
  disconnect: {
    capability: "net",
    run: (ctx, id: number) => {
      try {
        liveOf(ctx, id, "disconnect").sock.disconnect();
      } catch (e) {
        throw errnoRecord(e);
      }
    },
  },
  /** One of the host socket's setters (SETTERS) with its arguments. */
  set: {
    capability: "net",
    run: (ctx, id: number, name: string, args: unknown[]) => {
      if (!SETTERS.has(name)) throw badHandle(name);
      const sock = liveOf(ctx, id, name).sock as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      try {
        sock[name](...args);
      } catch (e) {
        throw errnoRecord(e);
      }
    },
  },
  /** Closes the socket and forgets it; a pending recv completes with null. */
  close: {
    capability: "net",
    run: (ctx, id: number) => {
      const rec = ctx.record(id);
      if (rec && rec.kind === "udp") ctx.close(rec);
    },
  },
};
defineOperations("dgram", ops);
