// Target specs: each form, its options, via= chains, and refusals that name the part.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { parseSpec, withoutVia, SpecError } from "../transport/spec";

test("popen, ssh= and socket= with their parts", () => {
  assert.deepEqual(parseSpec("popen"), { kind: "popen", env: {}, text: "popen" });
  const s = parseSpec("ssh=me@example.org:2222");
  assert.equal(s.kind, "ssh");
  assert.equal(s.user, "me");
  assert.equal(s.host, "example.org");
  assert.equal(s.port, 2222);
  assert.equal(parseSpec("ssh=host").user, undefined);
  assert.equal(parseSpec("ssh=host").port, undefined);
  assert.equal(parseSpec("ssh=[::1]:22").host, "::1");
  const k = parseSpec("socket=127.0.0.1:7000");
  assert.equal(k.kind, "socket");
  assert.equal(k.host, "127.0.0.1");
  assert.equal(k.port, 7000);
});

test("node=, chdir= and env: options", () => {
  const s = parseSpec("ssh=h//node=/opt/node/bin/node//chdir=/tmp/x//env:A=1//env:B=x=y");
  assert.equal(s.node, "/opt/node/bin/node");
  assert.equal(s.chdir, "/tmp/x");
  assert.deepEqual(s.env, { A: "1", B: "x=y" });
});

test("tls marks a socket= gateway as TLS", () => {
  assert.equal(parseSpec("socket=h:1//tls").tls, true);
  assert.equal(parseSpec("socket=h:1").tls, undefined);
});

test("via= takes the rest of the spec, so hops chain to the right", () => {
  const s = parseSpec("ssh=c//chdir=/w//via=ssh=b//env:X=1//via=popen");
  assert.equal(s.host, "c");
  assert.equal(s.chdir, "/w");
  assert.equal(s.via?.host, "b");
  assert.deepEqual(s.via?.env, { X: "1" });
  assert.equal(s.via?.via?.kind, "popen");
  assert.equal(s.via?.via?.via, undefined);
  assert.equal(withoutVia(s).text, "ssh=c//chdir=/w");
  assert.equal(withoutVia(s).via, undefined);
});

test("bad specs are refused with the part that is wrong", () => {
  const bad: [string, RegExp][] = [
    ["", /non-empty/],
    ["telnet=h", /unknown gateway 'telnet=h'/],
    ["ssh=", /bad ssh target ''/],
    ["ssh=a@b@c", /bad ssh target/],
    ["ssh=h:0", /bad port 0/],
    ["ssh=h:70000", /bad port 70000/],
    ["socket=h", /bad socket target 'h'.*host:port/],
    ["popen//nod=x", /unknown or empty option 'nod=x'/],
    ["popen//chdir=", /unknown or empty option 'chdir='/],
    ["popen//env:1A=x", /bad environment option 'env:1A=x'/],
    ["popen//via=", /non-empty/],
    ["popen//tls", /the tls option is for socket= gateways/],
  ];
  for (const [text, re] of bad)
    assert.throws(
      () => parseSpec(text),
      (e: unknown) => e instanceof SpecError && re.test(e.message),
      text,
    );
});
