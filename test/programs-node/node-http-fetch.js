// fetch against an http server in the same program (the instruction count varies with
// how host I/O arrives): JSON and text bodies, a POST, headers both ways, a followed
// redirect, a 404, Headers/Response on their own, and a refused connection.
const http = require("http");

const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    if (req.url === "/old") {
      res.writeHead(302, { location: "/json" });
      res.end();
    } else if (req.url === "/json") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, method: req.method }));
    } else if (req.url === "/echo") {
      res.setHeader("x-got", req.headers["x-mine"] || "none");
      res.end(`${req.method} ${req.headers["content-type"]} ${body}`);
    } else {
      res.statusCode = 404;
      res.end("nope");
    }
  });
});

server.listen(0, "127.0.0.1", async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const a = await fetch(`${base}/json`);
  console.log(a.status, a.ok, a.statusText, a.headers.get("content-type"), await a.json());
  const b = await fetch(`${base}/echo`, { method: "POST", body: "hi there", headers: { "X-Mine": "42" } });
  console.log(b.status, b.headers.get("x-got"), await b.text(), b.bodyUsed);
  const c = await fetch(`${base}/old`);
  console.log(c.status, c.redirected, c.url.endsWith("/json"), await c.text());
  const d = await fetch(`${base}/missing`);
  console.log(d.status, d.ok, d.statusText, await d.text());
  const h = new Headers({ b: "2", a: "1" });
  h.append("a", "3");
  console.log([...h], h.get("A"), h.has("c"));
  const r = Response.json({ x: 1 }, { status: 201 });
  console.log(r.status, r.headers.get("content-type"), await r.text());
  server.close(() => {
    // A port nobody listens on any more: the connection is refused.
    const other = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = other.address();
      other.close(async () => {
        try {
          await fetch(`http://127.0.0.1:${port}/`);
        } catch (e) {
          console.log(e.name, e.message, e.cause.code);
        }
      });
    });
  });
});
