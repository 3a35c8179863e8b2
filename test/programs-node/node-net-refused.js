// Connection refused (Node's error and message), a port already in use, net.isIP, unref.
const net = require("net");

console.log(net.isIP("127.0.0.1"), net.isIP("::1"), net.isIP("fe80::1%eth0"), net.isIP("1.2.3"));
console.log(net.isIPv4("255.255.255.255"), net.isIPv4("256.1.1.1"), net.isIPv6("1:2:3:4:5:6:7:8"));
console.log(net.isIPv6("::ffff:1.2.3.4"), net.isIPv6("1::2::3"), net.isIPv6("12345::"));

const probe = net.createServer();
probe.listen(0, "127.0.0.1", () => {
  const port = probe.address().port;
  const busy = net.createServer();
  busy.on("error", (e) => {
    console.log("in use:", e.message.replace(String(port), "PORT"), e.code, e.syscall);
    probe.close(() => {
      const c = net.connect({ port, host: "127.0.0.1" });
      c.on("error", (e) => {
        console.log("refused:", e.message.replace(String(port), "PORT"));
        console.log(e.code, e.errno, e.syscall, e.address, e.port === port);
      });
      c.on("close", (hadError) => {
        console.log("close after error", hadError, c.destroyed);
        // An unref'd listening server does not keep the program alive.
        net.createServer().listen(0, "127.0.0.1").unref();
        setTimeout(() => console.log("timer still runs"), 5);
      });
    });
  });
  busy.listen(port, "127.0.0.1");
});
