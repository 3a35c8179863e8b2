// http keep-alive (the instruction count varies with how host I/O arrives): the global
// agent reuses its socket for the next request; an agent without keepAlive closes each
// connection (Connection: close); two requests pipelined on one raw connection are
// answered in order.
const http = require("http");
const net = require("net");

let connections = 0;
const server = http.createServer((req, res) => {
  res.end(`${req.url} ${req.headers.connection}`);
});
server.on("connection", () => connections++);

function get(port, path, agent) {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => {
        console.log(path, res.statusCode, text, res.headers.connection, "reused:", req.reusedSocket);
        resolve();
      });
    });
  });
}

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  await get(port, "/a");
  await get(port, "/b");
  console.log("connections after two kept-alive requests:", connections);
  const agent = new http.Agent({ keepAlive: false });
  await get(port, "/c", agent);
  await get(port, "/d", agent);
  console.log("connections after two more without keep-alive:", connections);
  const c = net.connect(port, "127.0.0.1", () => {
    c.write("GET /p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /p2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  });
  let raw = "";
  c.on("data", (d) => (raw += d));
  c.on("end", () => {
    console.log(raw.replace(/Date: [^\r]*\r\n/g, "").split("\r\n"));
    server.close(() => console.log("closed"));
  });
});
