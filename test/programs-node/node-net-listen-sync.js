// Node binds a server at once when no host is named: address() and `listening` are
// known when listen() returns, 'listening' comes on the next tick; with a host named
// (a lookup first) or a port in use, they are not. (Not compared: when a port in use is
// reported — node's next tick, Jaunt's host operation after the promise jobs.)
const net = require("net");

const a = net.createServer();
a.on("listening", () => console.log("a: listening event"));
a.listen(0);
const { port, family } = a.address();
console.log("a: bound at once", a.listening, typeof port, port > 0, family);
process.nextTick(() => console.log("a: a tick queued after listen"));

const b = net.createServer();
b.listen(0, "127.0.0.1", () => {
  console.log("b: listening", b.address().address);
  portInUse();
});
console.log("b: with a host, not yet", b.address(), b.listening);

function portInUse() {
const c = net.createServer();
c.on("error", (e) => {
  console.log("c: in use:", e.code, e.syscall, c.listening, c.address());
  const client = net.connect(port, "127.0.0.1", () => client.end("x"));
  a.on("connection", (s) => {
    s.resume();
    s.on("end", () => {
      console.log("a: accepted and ended");
      s.end();
      a.close(() => console.log("a: closed"));
      b.close();
    });
  });
});
c.listen(port);
console.log("c: not bound", c.listening, c.address());
}
