// Server.listen's argument forms, as Node normalizes them: ws passes
// listen(port, host, undefined, callback), with an undefined backlog.
const net = require("net");
const http = require("http");

const forms = [
  (s, cb) => s.listen(0, "127.0.0.1", undefined, cb),
  (s, cb) => s.listen(0, "127.0.0.1", 511, cb),
  (s, cb) => s.listen(0, "127.0.0.1", cb),
  (s, cb) => s.listen({ port: 0, host: "127.0.0.1" }, cb),
  (s, cb) => s.listen(0, "127.0.0.1", 10, undefined).once("listening", cb),
];

(async () => {
  for (const [i, form] of forms.entries()) {
    for (const make of [() => net.createServer(), () => http.createServer()]) {
      const s = make();
      await new Promise((resolve) => form(s, resolve));
      const a = s.address();
      console.log(i, a.address, typeof a.port, a.port > 0);
      await new Promise((resolve) => s.close(resolve));
    }
  }
})();
