"use strict";
// Stand-in for node's test/common/fixtures.js: the fixtures of the node_test checkout
// (the runner passes their folder in JAUNT_NODE_FIXTURES).

const path = require("path");

const fixturesDir = process.env.JAUNT_NODE_FIXTURES || path.join(__dirname, "..", "fixtures");

function fixturesPath(...parts) {
  return path.join(fixturesDir, ...parts);
}

function readSync(parts, encoding) {
  return require("fs").readFileSync(fixturesPath(...[].concat(parts)), encoding);
}

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL: (...parts) => require("url").pathToFileURL(fixturesPath(...parts)),
  readSync,
  readKey: (name, encoding) => readSync(["keys", name], encoding),
};
