// The esbuild bundle of the remote entry (transport/remote-main and everything it
// requires, from dist), written to stdout: run as a child by bundle.ts, because
// esbuild takes plugins only in its asynchronous API and the payload is built
// synchronously. Each module keeps its own __dirname (own-paths.ts): stage 1 hands the
// bundle the __dirname of dist/transport under the remote's virtual root.

import * as path from "node:path";
import { BUNDLE_DIR_BANNER, ownPathsOnLoad } from "./own-paths";
import { lazyBuiltinsOnResolve } from "../bin/bundle";

const DIST = path.resolve(__dirname, "..");

export async function remoteBundle(): Promise<string> {
  // Loaded here, not at the top: only an origin that opens a gateway needs esbuild.
  const esbuild = require("esbuild") as typeof import("esbuild");
  const out = await esbuild.build({
    entryPoints: [path.join(DIST, "transport", "remote-main.js")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    // Whole minification, names too: the bundle's JavaScript is 1.0 MB instead of 1.34,
    // so less to send and inflate. Functions and classes do not keep their own names
    // (keepNames): nothing on a remote reads a host function's name (the guest's
    // built-ins are named where they are made, errors set their own), and keepNames
    // defined `name` on each function as it was made (~2,600 calls in the bundle's
    // text): the modules' top-level code took ~50 ms CPU on a remote with it, ~27
    // without, and the code cache is 70 KB smaller.
    minify: true,
    // esbuild and the database drivers are never reached on a remote.
    external: ["esbuild", "better-sqlite3", "pg"],
    banner: { js: BUNDLE_DIR_BANNER },
    plugins: [
      {
        name: "jaunt-remote",
        setup: (build) => {
          // Node's heavier built-in modules load when first used, as in the tools'
          // bundles: a remote that only resumes a program never loads tls, dgram, dns,
          // worker_threads or child_process (each compiled by node as it loads).
          lazyBuiltinsOnResolve(build);
          // cbor-x's native extension is optional: a remote has none installed, and
          // looking for one would search the remote's own node_modules folders.
          build.onResolve({ filter: /^cbor-extract$/ }, () => ({
            path: "cbor-extract",
            namespace: "no-cbor-extract",
          }));
          build.onLoad({ filter: /.*/, namespace: "no-cbor-extract" }, () => ({
            contents: "module.exports = undefined;",
            loader: "js",
          }));
          ownPathsOnLoad(build, path.join(DIST, "transport"));
        },
      },
    ],
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

if (require.main === module)
  remoteBundle().then(
    (js) => process.stdout.write(js),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
