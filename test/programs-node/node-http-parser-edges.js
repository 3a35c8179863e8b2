// The request parser on raw bytes (the instruction count varies with how host I/O
// arrives): a chunked body with an extension and trailers sent in pieces that split its
// lines, then requests that are refused — a bad chunk size, a bad header name, a head
// too large (431) — each answered and closed as Node does.
const http = require("http");
const net = require("net");

const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (d) => (body += d));
  req.on("end", () => res.end(`${req.method} ${req.url} [${body}] ${JSON.stringify(req.trailers)}`));
});

function raw(port, pieces) {
  return new Promise((resolve) => {
    const c = net.connect(port, "127.0.0.1", async () => {
      for (const p of pieces) {
        c.write(p);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    let text = "";
    c.on("data", (d) => (text += d));
    c.on("error", () => {});
    c.on("close", () => resolve(text.replace(/Date: [^\r]*\r\n/g, "")));
  });
}

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  console.log(
    JSON.stringify(
      await raw(port, [
        "POST /up HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Enc",
        "oding: chunked\r\n\r\n5;ext=1\r",
        "\nhello\r\n6\r\n world\r\n0\r\nX-Sum: ",
        "11\r\n\r\n",
      ]),
    ),
  );
  console.log(JSON.stringify(await raw(port, ["POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"])));
  console.log(JSON.stringify(await raw(port, ["GET / HTTP/1.1\r\nBad Name: 1\r\n\r\n"])));
  console.log(JSON.stringify(await raw(port, ["GET / HTTP/1.1\r\nX-Big: " + "a".repeat(20000) + "\r\n\r\n"])));
  server.close(() => console.log("closed"));
});
