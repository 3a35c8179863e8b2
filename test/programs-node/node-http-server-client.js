// An http server and a client in one program (the instruction count varies with how
// host I/O arrives): methods, headers set and read on both sides, a content-length and
// a chunked body, HEAD, 204, and the status texts.
const http = require("http");

const server = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    const seen = `${req.method} ${req.url} ${req.httpVersion} ${req.headers["x-test"]} [${body}]`;
    if (req.url === "/chunked") {
      res.setHeader("X-Kind", "chunked");
      res.write("one,");
      res.write(Buffer.from("two,"));
      res.end("three");
    } else if (req.url === "/empty") {
      res.writeHead(204, { "x-why": "nothing" });
      res.end();
    } else {
      res.setHeader("Content-Type", "text/plain");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      console.log("server:", res.getHeader("content-type"), res.hasHeader("set-cookie"), res.getHeaderNames());
      res.removeHeader("set-cookie");
      res.statusCode = req.method === "POST" ? 201 : 200;
      res.end(seen);
      console.log("server: sent", res.headersSent, res.writableEnded);
    }
  });
});

function call(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { "X-Test": "yes" } }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => {
        const h = res.headers;
        console.log(
          `${method} ${path} → ${res.statusCode} ${res.statusMessage} ${res.httpVersion}`,
          h["content-type"], h["content-length"], h["transfer-encoding"], h["x-kind"], h["x-why"],
          typeof h.date, JSON.stringify(Buffer.concat(chunks).toString()),
        );
        resolve();
      });
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  await call(port, "GET", "/plain?q=1");
  await call(port, "POST", "/post", "payload");
  await call(port, "GET", "/chunked");
  await call(port, "HEAD", "/head");
  await call(port, "GET", "/empty");
  console.log(http.STATUS_CODES[418], http.METHODS.length, http.METHODS.includes("PATCH"));
  server.close(() => console.log("closed"));
});
