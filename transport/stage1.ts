// The first stage of the zero-install bootstrap, small enough for a command line
// (`node -e '…' TOKEN`): it checks the node version, reads a 4-byte length and exactly
// that many bytes of payload from stdin into one buffer of that length, with blocking
// reads (nothing else runs meanwhile: no stream, no chunks to join; ~10-15 ms CPU less
// than a stream for 2.2 MB), or as a stream if stdin is non-blocking (EAGAIN):
// [u32 raw length][u32 D][D bytes of raw DEFLATE][CBOR of the runtime files],
// inflates the DEFLATE part into one buffer of that length, and evaluates the bundle
// inside it without writing anything to disk. The files are packed one by one (a remote
// inflates only those it reads: runtime-files.ts). Inflated, the first part is
//   [u32 length of the bundle's JavaScript][JavaScript]
//   [u32 K][K bytes: V8 code cache: u8 tag length, tag, data]
// The code cache (K may be 0) was made by the origin's node for the bundle wrapped in
// BUNDLE_HEAD…BUNDLE_TAIL with V8's default flags (bundle.ts); it is tried only on a
// node whose "version/arch" is its tag (and V8 still checks it), and only when the
// user left V8's flags alone. No flag is changed before the bundle's modules are loaded
// (remote-main holds the optimizer back only then): a V8 flag set at run time makes
// node compile every built-in module loaded after it from source, since node's own
// code cache for them no longer matches the flags.
// The bundle's main() then writes "JAUNT:TOKEN\n" and frames to fd 3 (the command line
// points fd 1 at stderr, so nothing else the remote prints can reach the frame stream).
//
// It is written without single quotes so that it can be quoted for a POSIX shell as
// '…' (ssh hands the remote command to the user's shell).

import { VIRTUAL_ROOT } from "./runtime-files";

/** The lowest node major version the runtime runs on (package.json "engines"). */
export const MIN_NODE_MAJOR = 20;
/** The exit code of a first stage that finds node too old. */
export const EXIT_TOO_OLD = 97;
/** The exit code of a remote whose bundle failed to start. */
export const EXIT_BOOT_FAILED = 99;
/** The exit code of a first stage whose stdin ended before the payload did. */
export const EXIT_SHORT_PAYLOAD = 98;

const DIRNAME = JSON.stringify(VIRTUAL_ROOT + "/dist/transport");

/** The bundle's JavaScript is compiled as BUNDLE_HEAD + js + BUNDLE_TAIL (a code cache is for that text). */
export const BUNDLE_HEAD = "(function(require,module,exports,__dirname,__filename){";
export const BUNDLE_TAIL = "\n})";
/** The file name the bundle is compiled under (a code cache is for that name too). */
export const BUNDLE_FILE = VIRTUAL_ROOT + "/dist/transport/remote-main.js";

/** A code cache's tag: the node that made it. */
export function codeCacheTag(): string {
  return `${process.version}/${process.arch}`;
}

export const STAGE1 = [
  `var V=process.versions.node;`,
  `if(+V.split(".")[0]<${MIN_NODE_MAJOR}){process.stderr.write("jaunt: the remote node is v"+V+"; jaunt needs node >= ${MIN_NODE_MAJOR}\\n");process.exit(${EXIT_TOO_OLD})}`,
  `var T=[],Y=require("fs"),B=Buffer.alloc(4),N=0,L=-1,S;function Z(){var u=process.cpuUsage();T.push(Number(process.hrtime.bigint())/1e6,(u.user+u.system)/1e3)}Z();`,
  // B is full: it held the length (B grows to the whole payload: false) or the payload (true).
  `function W(){if(L>=0)return 1;L=B.readUInt32BE(0);var b=Buffer.allocUnsafe(4+L);B.copy(b);B=b;return N==B.length}`,
  // Blocking reads of exactly the payload; a non-blocking stdin (EAGAIN) goes on as a stream.
  `function K(){for(;;){if(N==B.length&&W())return G(B.subarray(0,0));var r;try{r=Y.readSync(0,B,N,B.length-N)}catch(e){if(e.code!="EAGAIN")throw e;S=process.stdin;S.on("data",D);S.on("end",E);return}if(!r)return E();N+=r}}`,
  `function D(c){for(;;){var k=Math.min(c.length,B.length-N);c.copy(B,N,0,k);N+=k;c=c.subarray(k);if(N<B.length)return;if(W()){S.removeListener("data",D);S.removeListener("end",E);S.pause();return G(c)}}}`,
  `function G(O){Z();`,
  `var C=B.subarray(4),F=8+C.readUInt32BE(4),P=require("zlib").inflateRawSync(C.subarray(8,F),{chunkSize:Math.max(64,C.readUInt32BE(0))}),J=P.readUInt32BE(0),K=P.readUInt32BE(4+J),G=8+J,W=P[G],M={exports:{}};Z();`,
  `var X=K>0&&P.toString("latin1",G+1,G+1+W)==process.version+"/"+process.arch&&!process.env.JAUNT_TIER_UP&&!process.env.NODE_OPTIONS;`,
  `try{`,
  `var R=new(require("vm").Script)(${JSON.stringify(BUNDLE_HEAD)}+P.toString("utf8",4,4+J)+${JSON.stringify(BUNDLE_TAIL)},{filename:${JSON.stringify(BUNDLE_FILE)},cachedData:X?P.subarray(G+1+W,G+K):undefined});`,
  `R.runInThisContext()(require,M,M.exports,${DIRNAME},${JSON.stringify(BUNDLE_FILE)});`,
  `M.exports.main({compressed:C,files:C.subarray(F),rest:O,stdin:S||process.stdin,token:process.argv[1],times:T,codeCache:K?X?R.cachedDataRejected?"rejected":"used":"not tried":undefined})}catch(e){process.stderr.write("jaunt: the remote failed to start: "+(e&&e.stack||e)+"\\n");process.exit(${EXIT_BOOT_FAILED})}}`,
  `function E(){process.stderr.write("jaunt: the bootstrap payload ended after "+N+" of "+(L<0?"?":L+4)+" bytes\\n");process.exit(${EXIT_SHORT_PAYLOAD})}`,
  `K();`,
].join("");

/** What stdin carries before the frames: the payload with its length in front. */
export function framedPayload(compressed: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(compressed.length, 0);
  return Buffer.concat([head, compressed]);
}

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The remote command line for ssh: the first stage with fd 3 on the session's stdout
 * and fd 1 on its stderr, after `cd` and environment options.
 */
export function remoteCommand(opts: {
  node: string;
  token: string;
  env: Record<string, string>;
  chdir?: string;
}): string {
  if (STAGE1.includes("'")) throw new Error("jaunt: the first stage must not contain a quote");
  const env = Object.entries(opts.env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const run = [
    "exec",
    ...(env.length ? ["env", ...env] : []),
    shellQuote(opts.node),
    "-e",
    `'${STAGE1}'`,
    opts.token,
    "3>&1",
    "1>&2",
  ].join(" ");
  return opts.chdir ? `cd ${shellQuote(opts.chdir)} && ${run}` : run;
}
