"use strict";
// Stand-in for node's test/common/tmpdir.js: one scratch folder per test run (the
// runner passes it in JAUNT_NODE_TMPDIR so parallel runs never share one).

const path = require("path");

const tmpPath = process.env.JAUNT_NODE_TMPDIR || path.join(__dirname, "..", ".tmp");

function refresh() {
  const fs = require("fs");
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
}

module.exports = {
  path: tmpPath,
  refresh,
  resolve: (...parts) => path.resolve(tmpPath, ...parts),
  fileURL: (...parts) => require("url").pathToFileURL(path.join(tmpPath, ...parts)),
  hasEnoughSpace: () => true,
};
