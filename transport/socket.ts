// socket= gateways and the `vmresume --listen` server. Every connection starts with a
// shared-key challenge–response both ways (HMAC-SHA256 over a fresh nonce from each
// side, so neither a replayed answer nor a fake server passes), and the server resumes
// only snapshots signed with the key (transport/signing.ts). With a certificate the
// server speaks only TLS (socket=…//tls): it tells a TLS handshake from a frame by the
// first byte, and answers a plaintext client with one Error frame, then closes.
//
//   server → client   Challenge { nonce: 32 bytes }
//   client → server   Answer    { mac: HMAC(key, "client" ‖ nonce), nonce: 32 bytes }
//   server → client   Answer    { mac: HMAC(key, "server" ‖ client nonce) }, then Hello

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import type { Duplex } from "node:stream";
import * as tls from "node:tls";
import { Connection } from "./connection";
import { encodeFrame, FrameKind, type Frame } from "./frame";
import { objectBody, serveConnection } from "./remote";
import { verifySignedSnapshot } from "./signing";
import type { GatewaySpec } from "./spec";

export interface SocketOptions {
  /** The shared key (default: JAUNT_SOCKET_KEY, or the file JAUNT_SOCKET_KEY_FILE names). */
  key?: string | Uint8Array;
  timeoutMs?: number;
  /**
   * socket=…//tls: the certificates (PEM) to trust for the server's; default: the file
   * JAUNT_SOCKET_CA names, else the system's authorities.
   */
  tlsCa?: string | Uint8Array;
}

/** The server's certificate and private key (PEM), for `vmresume --listen --tls-cert`. */
export interface TlsIdentity {
  cert: string | Buffer;
  key: string | Buffer;
}

/** The first byte of a TLS handshake record (a frame starts with "J"). */
const TLS_HANDSHAKE = 0x16;
/** How long a TLS-only server waits for a client's first byte before taking it for plaintext. */
const TLS_HELLO_WAIT_MS = 2000;

function trustedCa(given?: string | Uint8Array): Buffer | undefined {
  if (given !== undefined) return Buffer.from(given);
  const file = process.env.JAUNT_SOCKET_CA;
  return file ? fs.readFileSync(file) : undefined;
}

/**
 * A TCP (or, for //tls, TLS) stream to the server of `spec`; over `carrier` (a via=
 * hop's relayed bytes) instead of a TCP connection of its own when given.
 */
function dial(spec: GatewaySpec, opts: SocketOptions, carrier?: Duplex): Duplex {
  const where = { host: spec.host, port: spec.port! };
  if (!spec.tls) return carrier ?? net.connect(where);
  // An IP address is checked against the certificate's IP names; SNI wants a host name.
  const servername = net.isIP(spec.host!) ? undefined : spec.host;
  const ca = trustedCa(opts.tlsCa);
  // Over a carrier, `host` is only what the certificate is checked against.
  return carrier
    ? tls.connect({ socket: carrier, host: spec.host, servername, ca })
    : tls.connect({ ...where, servername, ca });
}

/** Authentication failed or could not happen; the message says which side and why. */
export class AuthError extends Error {
  readonly code: string = "ERR_JAUNT_AUTH";
  constructor(message: string) {
    super(message);
    this.name = "AuthError";
  }
}

/** The shared key from the options or the environment; throws if there is none. */
export function sharedKey(given?: string | Uint8Array): Buffer {
  if (given !== undefined) return Buffer.from(given);
  if (process.env.JAUNT_SOCKET_KEY) return Buffer.from(process.env.JAUNT_SOCKET_KEY);
  const file = process.env.JAUNT_SOCKET_KEY_FILE;
  if (file) return fs.readFileSync(file);
  throw new AuthError(
    "jaunt: socket gateways need a shared key (JAUNT_SOCKET_KEY or JAUNT_SOCKET_KEY_FILE)",
  );
}

function mac(key: Buffer, role: "client" | "server", nonce: Uint8Array): Buffer {
  return createHmac("sha256", key).update(role).update(nonce).digest();
}

function sameMac(a: unknown, b: Buffer): boolean {
  return a instanceof Uint8Array && a.length === b.length && timingSafeEqual(a, b);
}

/** A connection to a listening server, authenticated both ways, and frames that came with it. */
export function connectSocket(
  spec: GatewaySpec,
  opts: SocketOptions,
  carrier?: Duplex,
): Promise<{ conn: Connection; early: Frame[]; sign: Buffer }> {
  const key = sharedKey(opts.key);
  return new Promise((resolve, reject) => {
    const sock = dial(spec, opts, carrier);
    const conn = new Connection(sock, sock, spec.text, { channelBase: 1 });
    const ms = opts.timeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(`no answer within ${ms} ms`), ms);
    let settled = false;
    const fail = (why: string, code = "ERR_JAUNT_AUTH") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const e = new AuthError(`jaunt: ${spec.text}: ${why}`);
      // Not reaching the server is not an authentication failure.
      if (code !== e.code) Object.defineProperty(e, "code", { value: code });
      reject(e);
      conn.end();
      sock.destroy();
    };
    // A TLS failure (an untrusted certificate, a plaintext server) before the handshake
    // is done is ERR_JAUNT_TLS; a system error (ECONNREFUSED…) is not reaching the server.
    let secured = !spec.tls;
    sock.once("secureConnect", () => (secured = true));
    const reachCode = (e: unknown) => {
      const code = (e as { code?: unknown })?.code;
      const system = typeof code === "string" && /^E[A-Z]+$/.test(code);
      return !secured && !system ? "ERR_JAUNT_TLS" : "ERR_JAUNT_CONNECT";
    };
    conn.onEnd((e) =>
      fail(e.message, step === "challenge" ? reachCode(e.cause) : "ERR_JAUNT_AUTH"),
    );
    const ours = randomBytes(32);
    const early: Frame[] = [];
    let step: "challenge" | "answer" | "done" = "challenge";
    conn.onUnrouted = (f) => {
      if (step === "done") return void early.push(f);
      try {
        if (f.kind === FrameKind.Error) {
          const b = objectBody(f);
          const refused = new Error(`refused: ${String(b.message)}`);
          throw Object.assign(refused, { code: b.code === "ERR_JAUNT_TLS" ? b.code : undefined });
        }
        const b = objectBody(f);
        if (step === "challenge") {
          if (
            f.kind !== FrameKind.Challenge ||
            !(b.nonce instanceof Uint8Array) ||
            b.nonce.length !== 32
          )
            throw new Error("the server did not send a challenge");
          step = "answer";
          void conn.send(FrameKind.Answer, 0, { mac: mac(key, "client", b.nonce), nonce: ours });
          return;
        }
        if (f.kind !== FrameKind.Answer || !sameMac(b.mac, mac(key, "server", ours)))
          throw new Error("the server does not know the key");
        step = "done";
        settled = true;
        clearTimeout(timer);
        resolve({ conn, early, sign: key });
      } catch (e) {
        fail((e as Error).message, (e as { code?: string }).code);
      }
    };
    sock.once("error", (e) => fail(`cannot connect: ${e.message}`, reachCode(e)));
  });
}

export interface Listener {
  address: { host: string; port: number };
  close(): Promise<void>;
}

/**
 * Serves socket= gateways on host:port (a connection that fails authentication gets
 * an Error frame and is closed); resolves once listening.
 */
export function listen(
  host: string,
  port: number,
  opts: { key?: string | Uint8Array; log?: (line: string) => void; tls?: TlsIdentity } = {},
): Promise<Listener> {
  const key = sharedKey(opts.key);
  const log = opts.log ?? (() => {});
  const sockets = new Set<net.Socket>();
  const secureContext = opts.tls && tls.createSecureContext(opts.tls);
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
    sock.on("error", () => {});
    const peer = `${sock.remoteAddress}:${sock.remotePort}`;
    if (!secureContext) return authenticate(sock, peer);
    // A TLS client speaks first (its hello); a plaintext one waits for our challenge.
    const silent = setTimeout(() => refusePlaintext(sock, peer), TLS_HELLO_WAIT_MS);
    sock.once("close", () => clearTimeout(silent));
    sock.once("data", (first: Buffer) => {
      clearTimeout(silent);
      sock.pause();
      sock.unshift(first);
      if (first[0] !== TLS_HANDSHAKE) return refusePlaintext(sock, peer);
      const secure = new tls.TLSSocket(sock, { isServer: true, secureContext });
      secure.on("error", (e) => {
        log(`refused ${peer}: TLS: ${e.message}`);
        sock.destroy();
      });
      authenticate(secure, peer);
    });
  });

  /** A plaintext client of a TLS server: one Error frame it can read, then the end. */
  function refusePlaintext(sock: net.Socket, peer: string): void {
    if (sock.destroyed) return;
    log(`refused ${peer}: plaintext to a TLS server`);
    const message = "this server speaks only TLS: connect with socket=host:port//tls";
    sock.end(
      encodeFrame({ kind: FrameKind.Error, channel: 0, body: { message, code: "ERR_JAUNT_TLS" } }),
    );
  }

  function authenticate(sock: net.Socket, peer: string): void {
    const conn = new Connection(sock, sock, `client ${peer}`, { channelBase: 2 });
    const nonce = randomBytes(32);
    const refuse = (why: string) => {
      log(`refused ${peer}: ${why}`);
      conn.send(FrameKind.Error, 0, { message: why, code: "ERR_JAUNT_AUTH" }).finally(() => {
        conn.end();
        sock.destroy();
      });
    };
    const timer = setTimeout(() => refuse("no answer to the challenge in time"), 10_000);
    conn.onEnd(() => clearTimeout(timer));
    conn.onUnrouted = (f) => {
      clearTimeout(timer);
      let b: Record<string, unknown>;
      try {
        b = objectBody(f);
      } catch {
        return refuse("authentication failed");
      }
      if (f.kind !== FrameKind.Answer || !sameMac(b.mac, mac(key, "client", nonce)))
        return refuse("authentication failed");
      if (!(b.nonce instanceof Uint8Array) || b.nonce.length !== 32)
        return refuse("authentication failed");
      log(`accepted ${peer}`);
      void conn.send(FrameKind.Answer, 0, { mac: mac(key, "server", b.nonce) });
      serveConnection(conn, { acceptSnapshot: (body) => verifySignedSnapshot(body, key) });
    };
    void conn.send(FrameKind.Challenge, 0, { nonce });
  }
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.removeListener("error", reject);
      const a = server.address() as net.AddressInfo;
      resolve({
        address: { host: a.address, port: a.port },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
