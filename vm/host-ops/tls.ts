// TLS's host operations under the guest's `tls` and `https` (vm/node/tls.js). The
// encryption is the host's (node:tls); the guest sees a stream of plain bytes.
//
// A TLS connection is a resource of kind "tls-socket" and a TLS server one of kind
// "tls-server". Once connected (or accepted, after the handshake) they are driven by
// TCP's stream operations (host-net.ts: net.read, net.write, net.end, net.destroy,
// net.accept, net.closeServer), which take these kinds too: a host TLS socket is a
// net.Socket. Only connecting and listening are TLS's own. The resume rule is TCP's:
// within one process they reattach; in another they are severed.

import * as net from "node:net";
import * as tls from "node:tls";
import { defineResourceKind, type ResourceData } from "./link";
import { defineOperations, type OpContext, type RuntimeOperation } from "./runtime-ops";
import {
  addStreamKinds,
  adopt,
  failed,
  listenWith,
  stopListening,
  type ServerLive,
  type SocketLive,
} from "./net";

defineResourceKind<SocketLive>({
  kind: "tls-socket",
  describe: (d) =>
    `TLS socket ${String(d.localAddress)}:${String(d.localPort)} -> ${String(d.remoteAddress)}:${String(d.remotePort)}`,
  reopen: () => ({
    severed: "a TLS connection lives in the process that opened it and cannot be reopened",
  }),
  close(live) {
    live.sock.destroy();
    live.inbox.end();
  },
});

defineResourceKind<ServerLive>({
  kind: "tls-server",
  describe: (d) => `TLS server on ${String(d.address)}:${String(d.port)}`,
  reopen: () => ({ severed: "a listening socket lives in the process that opened it" }),
  close(live) {
    stopListening(live);
    for (const s of live.queue) s.destroy();
    live.queue.length = 0;
  },
});

addStreamKinds("tls-socket", "tls-server");

/** Key material and checks the guest may pass (strings or bytes; CA lists). */
type Material = string | Uint8Array | (string | Uint8Array)[] | undefined | null;

interface TlsOptions {
  key?: Material;
  cert?: Material;
  ca?: Material;
  passphrase?: string;
  rejectUnauthorized?: boolean;
  requestCert?: boolean;
  servername?: string;
  ALPNProtocols?: string[];
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
}

function material(m: Material): string | Buffer | (string | Buffer)[] | undefined {
  if (m === undefined || m === null) return undefined;
  const one = (x: string | Uint8Array) =>
    typeof x === "string" ? x : Buffer.from(x.buffer, x.byteOffset, x.length);
  return Array.isArray(m) ? m.map(one) : one(m);
}

/** Only the options this bridge knows cross into node:tls (no callbacks, no objects). */
function secureOptions(o: TlsOptions | null | undefined): tls.SecureContextOptions & {
  rejectUnauthorized?: boolean;
  requestCert?: boolean;
  servername?: string;
  ALPNProtocols?: string[];
} {
  o = o ?? {};
  const out: Record<string, unknown> = {};
  for (const k of ["key", "cert", "ca"] as const) {
    const v = material(o[k]);
    if (v !== undefined) out[k] = v;
  }
  if (typeof o.passphrase === "string") out.passphrase = o.passphrase;
  if (typeof o.rejectUnauthorized === "boolean") out.rejectUnauthorized = o.rejectUnauthorized;
  if (typeof o.requestCert === "boolean") out.requestCert = o.requestCert;
  if (typeof o.servername === "string") out.servername = o.servername;
  if (Array.isArray(o.ALPNProtocols))
    out.ALPNProtocols = o.ALPNProtocols.filter((p) => typeof p === "string");
  if (typeof o.minVersion === "string") out.minVersion = o.minVersion;
  if (typeof o.maxVersion === "string") out.maxVersion = o.maxVersion;
  return out;
}

/** What the guest's TLSSocket reports about the session. */
function sessionFacts(s: tls.TLSSocket): ResourceData {
  const peer = s.getPeerCertificate();
  return {
    authorized: s.authorized,
    authorizationError: s.authorizationError ? String(s.authorizationError) : null,
    protocol: s.getProtocol() ?? null,
    alpnProtocol: s.alpnProtocol || false,
    peerCN: peer && peer.subject && typeof peer.subject.CN === "string" ? peer.subject.CN : null,
  };
}

function serverName(name: string): string | undefined {
  return net.isIP(name) ? undefined : name;
}

const ops: Record<string, RuntimeOperation> = {
  /** Listens with TLS on host:port; connections come after their handshake. */
  listen: {
    capability: "net",
    run: (ctx: OpContext, port: number, host: string, backlog: number | null, o: TlsOptions) => {
      let server: tls.Server;
      try {
        server = tls.createServer({ ...secureOptions(o), allowHalfOpen: true });
      } catch (e) {
        return failed(Promise.reject(e));
      }
      // A client whose handshake fails never reaches the guest; its socket is closed
      // (as Node's server does when 'tlsClientError' has no listener).
      server.on("tlsClientError", (_e, s) => s.destroy());
      // Connections still in their handshake when the guest closes the server are
      // closed, as Node's https server does (they would hold the close forever).
      const handshaking = new Map<string, net.Socket>();
      const key = (s: net.Socket) => `${String(s.remoteAddress)}:${String(s.remotePort)}`;
      server.on("connection", (raw: net.Socket) => {
        const k = key(raw);
        handshaking.set(k, raw);
        raw.once("close", () => handshaking.delete(k));
      });
      server.on("secureConnection", (s: tls.TLSSocket) => handshaking.delete(key(s)));
      return listenWith(
        ctx,
        server,
        {
          event: "secureConnection",
          kind: "tls-server",
          socketKind: "tls-socket",
          facts: (s) => sessionFacts(s as tls.TLSSocket),
          onStop: () => {
            for (const raw of handshaking.values()) raw.destroy();
          },
        },
        port,
        host,
        backlog,
      );
    },
  },
  /** Connects to host:port and completes the handshake; [id, addresses and session]. */
  connect: {
    capability: "net",
    run: (ctx: OpContext, port: number, host: string, o: TlsOptions) =>
      failed(
        new Promise((resolve, reject) => {
          const opts = secureOptions(o);
          const sock = tls.connect({
            ...opts,
            port,
            host,
            // An IP address is no server name (RFC 6066; Node warns and ignores it).
            servername: serverName(opts.servername ?? host),
          });
          sock.once("error", reject);
          sock.once("secureConnect", () => {
            sock.removeListener("error", reject);
            resolve(adopt(ctx, sock, "tls-socket", sessionFacts(sock)));
          });
        }),
      ),
  },
};
defineOperations("tls", ops);
