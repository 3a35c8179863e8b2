// Unix domain sockets: a server listening on a path, a client by path and by options,
// HTTP over a socket path (socketPath), and the errors of a missing or taken path.
const net = require("net");
const http = require("http");
const fs = require("fs");
const os = require("os");
const path = require("path");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-unix-"));
const sockPath = path.join(dir, "echo.sock");
const hide = (s) => String(s).split(dir).join("DIR");

const server = net.createServer((c) => {
  console.log("server: connection", c.remoteAddress, c.remotePort, JSON.stringify(c.address()));
  c.setEncoding("utf8");
  c.on("data", (d) => c.end("echo:" + d));
});
server.listen(sockPath, () => {
  console.log("listening", hide(server.address()), fs.statSync(sockPath).isSocket());
  const c = net.connect(sockPath, () => {
    console.log("connected", c.remoteAddress, c.localPort, JSON.stringify(c.address()), c.readyState);
    c.write("hi");
  });
  let got = "";
  c.on("data", (d) => (got += d));
  c.on("end", () => {
    console.log("got", got);
    const c2 = net.createConnection({ path: sockPath });
    c2.on("connect", () => c2.end("again"));
    c2.on("data", (d) => console.log("second", String(d)));
    c2.on("close", () => server.close(afterClose));
  });
});

function afterClose() {
  console.log("closed; socket file left:", fs.existsSync(sockPath));
  const missing = net.connect({ path: path.join(dir, "missing.sock") });
  missing.on("error", (e) => {
    console.log("missing:", e.code, e.syscall, hide(e.address), hide(e.message));
    try {
      net.connect({ path: 42 });
    } catch (e) {
      console.log("bad path:", e.code, e.message);
    }
    httpOverSocket();
  });
}

function httpOverSocket() {
  const httpPath = path.join(dir, "http.sock");
  const srv = http.createServer((req, res) => res.end(`${req.method} ${req.url}`));
  srv.listen(httpPath, () => {
    http.get({ socketPath: httpPath, path: "/status?x=1" }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        console.log("http:", res.statusCode, body);
        const taken = net.createServer();
        taken.on("error", (e) => {
          console.log("taken:", e.code, e.syscall, hide(e.message));
          srv.close(openToAll);
        });
        taken.listen(httpPath);
      });
    });
  });
}

function openToAll() {
  const p = path.join(dir, "all.sock");
  const srv = net.createServer();
  srv.listen({ path: p, readableAll: true, writableAll: true }, () => {
    const mode = fs.statSync(p).mode;
    console.log("readable and writable by all:", (mode & 0o006) === 0o006);
    const c = net.connect(p);
    console.log("bufferSize before connecting:", c.bufferSize);
    c.on("connect", () => {
      console.log("bufferSize connected:", c.bufferSize);
      c.end();
      srv.close(() => fs.rmSync(dir, { recursive: true }));
    });
  });
}
