// dgram over loopback: a server echoes datagrams back; implicit bind on send, offsets
// and lists of chunks, rinfo, connect/remoteAddress/disconnect, errors, close.
const dgram = require("dgram");

const errors = [
  () => dgram.createSocket("udp5"),
  () => dgram.createSocket("udp4").address(),
  () => dgram.createSocket("udp4").send("x"),
  () => dgram.createSocket("udp4").remoteAddress(),
  () => dgram.createSocket("udp4").send("x", 70000, "127.0.0.1"),
];
for (const e of errors) {
  try {
    e();
    console.log("no error");
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

const server = dgram.createSocket("udp4");
server.on("message", (msg, rinfo) => {
  console.log("server got", JSON.stringify(msg.toString()), rinfo.family, rinfo.address, rinfo.size);
  server.send(Buffer.from(msg.toString().toUpperCase()), rinfo.port, rinfo.address);
});
server.bind(0, "127.0.0.1", async () => {
  const { port, address, family } = server.address();
  console.log("listening", address, family, typeof port);

  const client = dgram.createSocket({ type: "udp4" });
  const replies = [];
  const next = () => new Promise((resolve) => client.once("message", (m, r) => resolve([m, r])));
  let reply = next();
  client.send("hello", port, "127.0.0.1", (err, bytes) => console.log("sent", err, bytes));
  let [m, r] = await reply;
  console.log("client got", m.toString(), r.port === port, r.address);
  console.log(client.address().address, client.address().port > 0);

  reply = next();
  client.send(Buffer.from("xxpartyy"), 2, 5, port, "127.0.0.1");
  console.log("client got", (await reply)[0].toString());

  reply = next();
  client.send(["list ", Buffer.from("of "), new Uint8Array([99, 104, 117, 110, 107, 115])], port);
  console.log("client got", (await reply)[0].toString());

  await new Promise((resolve) => client.connect(port, "127.0.0.1", resolve));
  console.log("connected", client.remoteAddress().port === port, client.remoteAddress().address);
  reply = next();
  client.send("to the peer");
  console.log("client got", (await reply)[0].toString());
  client.disconnect();
  try {
    client.remoteAddress();
  } catch (err) {
    console.log(err.code);
  }

  client.close(() => console.log("client closed"));
  try {
    client.close();
  } catch (err) {
    console.log(err.code, err.message);
  }
  server.close();
  server.on("close", () => console.log("server closed"));
});
