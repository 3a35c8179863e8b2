// express 5: a server on 127.0.0.1 (port 0) with routes, parameters, JSON bodies,
// middleware and a 404, answering requests from a client in the same program (http).
const http = require("http");
const express = require("express");

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  res.set("X-Seen", req.method);
  next();
});
app.get("/hello/:name", (req, res) => res.send(`hello ${req.params.name} ${req.query.x ?? ""}`));
app.get("/json", (req, res) => res.json({ ok: true, list: [1, 2] }));
app.post("/echo", (req, res) => res.status(201).json({ got: req.body }));
app.get("/fail", () => {
  throw new Error("boom");
});
app.use((err, req, res, next) => res.status(500).type("text").send(`caught ${err.message}`));

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: body ? { "content-type": "application/json" } : {},
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () =>
          resolve(
            `${method} ${path} → ${res.statusCode} ${res.headers["content-type"]} ${res.headers["x-seen"]} ${text.length < 80 ? text : text.length}`,
          ),
        );
      },
    );
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const server = app.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  try {
    console.log(await request(port, "GET", "/hello/ada?x=1"));
    console.log(await request(port, "GET", "/json"));
    console.log(await request(port, "POST", "/echo", { a: [1, "b"] }));
    console.log(await request(port, "GET", "/fail"));
    console.log(await request(port, "GET", "/missing"));
    await new Promise((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/json" }, (res) => {
        res.resume();
        res.on("end", () => resolve(console.log("http.get", res.statusCode)));
      });
    });
  } finally {
    server.close(() => console.log("closed"));
    server.closeAllConnections();
  }
});
