// A TCP echo server and a client in one program, in lock-step (each line waits for its echo).
const net = require("net");

const server = net.createServer((sock) => {
  sock.setEncoding("utf8");
  sock.on("data", (d) => sock.write(d.toUpperCase()));
  sock.on("end", () => sock.end());
});
server.listen(0, "127.0.0.1", () => {
  const { port, address, family } = server.address();
  console.log("listening", address, family, typeof port, port > 0, server.listening);
  const c = net.connect(port, "127.0.0.1");
  console.log("connecting", c.connecting, c.setNoDelay(true) === c, c.setKeepAlive(true) === c);
  c.setEncoding("utf8");
  const lines = ["hello", "world"];
  c.on("connect", () => {
    console.log("connected", c.remoteAddress, c.remotePort === port, c.connecting);
    c.write(lines.shift());
  });
  c.on("data", (d) => {
    console.log("echo", d);
    if (lines.length > 0) c.write(lines.shift());
    else c.end();
  });
  c.on("end", () => console.log("client end", c.bytesRead, c.bytesWritten));
  c.on("close", (hadError) => {
    console.log("client close", hadError);
    server.close(() => console.log("server closed", server.address()));
  });
});
