// http errors (the instruction count varies with how host I/O arrives): header
// validation with Node's codes, a refused connection, a server that hangs up, a
// malformed request answered 400, and a bad protocol.
const http = require("http");
const net = require("net");

const show = (f) => {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};
show(() => http.validateHeaderName("bad name"));
show(() => http.validateHeaderValue("x-a", undefined));
show(() => http.validateHeaderValue("x-a", "line\nbreak"));
show(() => http.request({ method: "GE T", host: "127.0.0.1", port: 1 }));
show(() => http.request({ path: "/a b", host: "127.0.0.1", port: 1 }));
show(() => http.request("https://127.0.0.1/"));
const res = new http.ServerResponse({ method: "GET", httpVersionMajor: 1, httpVersionMinor: 1, headers: {} });
show(() => res.setHeader("x-ok", "1"));
show(() => res.writeHead(99));
show(() => res.setHeader("bad header", "1"));

const server = http.createServer((req, res) => {
  if (req.url === "/hangup") req.socket.destroy();
  else res.end("fine");
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  const req = http.get({ host: "127.0.0.1", port, path: "/hangup" });
  req.on("error", (e) => {
    console.log("hangup:", e.code, e.message);
    const c = net.connect(port, "127.0.0.1", () => c.write("NOT HTTP\r\n\r\n"));
    let raw = "";
    c.on("data", (d) => (raw += d));
    c.on("close", () => {
      console.log("malformed:", JSON.stringify(raw));
      server.close(() => {
        http.get({ host: "127.0.0.1", port, path: "/" }).on("error", (e) => console.log("refused:", e.code));
      });
    });
  });
});
