// https, self-signed (the instruction count varies with how host I/O arrives): a
// certificate made by openssl in a temp dir is refused without its CA, accepted with `ca`
// or rejectUnauthorized: false; tls underneath.
const https = require("https");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-https-"));
const keyFile = path.join(dir, "key.pem");
const certFile = path.join(dir, "cert.pem");
execFileSync("openssl", [
  "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile,
  "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
], { stdio: "ignore" });
const key = fs.readFileSync(keyFile);
const cert = fs.readFileSync(certFile);
fs.rmSync(dir, { recursive: true });

const server = https.createServer({ key, cert }, (req, res) => {
  res.setHeader("content-type", "text/plain");
  res.end(`secure ${req.method} ${req.url} ${req.socket.encrypted}`);
});

function get(port, options) {
  return new Promise((resolve) => {
    const req = https.request({ host: "127.0.0.1", port, path: "/x", servername: "localhost", ...options }, (res) => {
      let text = "";
      const authorized = res.socket.authorized;
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve(`${res.statusCode} ${res.headers["content-type"]} ${text} ${authorized}`));
    });
    req.on("error", (e) => resolve(`error ${e.code} ${e.message}`));
    req.end();
  });
}

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  console.log(await get(port, {}));
  console.log(await get(port, { ca: cert }));
  console.log(await get(port, { rejectUnauthorized: false, agent: false }));
  server.close(() => console.log("closed"));
});
