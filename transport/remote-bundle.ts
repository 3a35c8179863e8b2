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
    // Whole minification (names too; functions and classes keep their own): the
    // bundle's JavaScript is 1.02 MB instead of 1.34, so less to send and inflate.
    minify: true,
    keepNames: true,
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
