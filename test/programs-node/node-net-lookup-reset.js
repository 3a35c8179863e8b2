// A connection's name lookup as Node does it: the 'lookup' event, a `lookup` option of
// the program's own (validated, its errors reported), and resetAndDestroy.
const net = require("net");

for (const bad of ["foobar", 1, {}, []]) {
  try {
    net.connect({ host: "localhost", port: 0, lookup: bad });
  } catch (e) {
    console.log(e.code, e.message);
  }
}

const server = net.createServer((c) => c.on("error", () => {}));
server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address();
  const step = (fn) => new Promise(fn);

  await step((done) => {
    const calls = [];
    const s = net.connect({
      host: "my-own-name",
      port,
      lookup(host, options, cb) {
        calls.push([host, options.all]);
        setImmediate(() => cb(null, [{ address: "127.0.0.1", family: 4 }]));
      },
    });
    s.on("lookup", (err, address, family, host) => console.log("lookup", err, address, family, host));
    s.on("connect", () => {
      console.log("connected after", JSON.stringify(calls));
      s.resetAndDestroy();
    });
    s.on("close", (hadError) => {
      console.log("closed", hadError);
      done();
    });
  });

  await step((done) => {
    const s = net.connect({ host: "localhost", port, lookup: (h, o, cb) => (o.all ? cb(null, [{ address: "127.0.0.1", family: 100 }]) : cb(null, "127.0.0.1", 100)) });
    s.on("error", (e) => {
      console.log(e.code, e.message.replace(String(port), "PORT"), e.host, e.port === port);
      done();
    });
  });

  await step((done) => {
    const notFound = Object.assign(new Error("no such name"), { code: "ENOTFOUND" });
    const lookup = (h, o, cb) => setImmediate(() => cb(notFound));
    const s = net.connect({ host: "nowhere.invalid", port, lookup });
    s.on("lookup", (err) => console.log("lookup error", err.code));
    s.on("error", (e) => {
      console.log("error", e.code);
      done();
    });
  });

  const fresh = new net.Socket();
  fresh.on("error", (e) => console.log("fresh", e.code));
  fresh.resetAndDestroy();
  setImmediate(() => server.close());
});
