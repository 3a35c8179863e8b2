// net.Socket's _handle (null before a connection and after it), setNoDelay and
// setKeepAlive reaching the handle only on a change, the 'end' listener that stops
// writes after the other side's FIN, and isIP with IPv6 zone ids.
const net = require("net");

const calls = [];
const s = new net.Socket({
  handle: { readStart() {}, close() {}, setNoDelay: (on) => calls.push(`noDelay ${on}`), setKeepAlive: (on, d) => calls.push(`keepAlive ${on} ${d}`) },
});
s.setNoDelay();
for (const v of [1, "x", false, 0, true]) s.setNoDelay(v);
s.setKeepAlive(true, 3000);
s.setKeepAlive(true, 3000);
s.setKeepAlive(false);
console.log(calls.join(", "));
const bare = new net.Socket();
console.log(bare._handle, bare.listenerCount("end"), bare.setNoDelay(true) === bare);
for (const a of ["fe80::1%eth0", "fe80::1%eth0.0", "fe80::1%eth0@1", "fe80::1%", "::1", "1.2.3.4"])
  console.log(a, net.isIP(a));

const server = net.createServer((c) => c.end("bye"));
server.listen(0, "127.0.0.1", () => {
  const c = net.connect({ port: server.address().port, host: "127.0.0.1", noDelay: true });
  console.log("connecting, handle:", c._handle !== null);
  c.on("data", (d) => console.log("data", String(d)));
  c.on("close", () => {
    console.log("closed, handle:", c._handle);
    c.setNoDelay();
    c.setKeepAlive();
    console.log(c.address());
    c.destroy();
    server.close();
  });
});
