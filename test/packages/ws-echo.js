// ws 8: a WebSocket echo server on 127.0.0.1 (port 0) and a client in the same program:
// text and binary messages, a ping, and a clean close with a code and reason. The
// server's events are printed at the end: their order against the client's is a race.
const { WebSocketServer, WebSocket } = require("ws");

const serverLog = [];
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
wss.on("connection", (socket, req) => {
  serverLog.push(`connection ${req.url}`);
  socket.on("message", (data, isBinary) =>
    socket.send(isBinary ? data : `echo ${data}`, { binary: isBinary }),
  );
  socket.on("close", (code, reason) => serverLog.push(`close ${code} ${reason}`));
});

wss.on("listening", () => {
  const { port } = wss.address();
  const client = new WebSocket(`ws://127.0.0.1:${port}/chat`);
  const replies = [];
  client.on("open", () => {
    client.ping("p");
    client.send("hello");
    client.send(Buffer.from([1, 2, 3]));
  });
  client.on("pong", (data) => console.log("client: pong", data.toString()));
  client.on("message", (data, isBinary) => {
    replies.push(isBinary ? `binary ${[...data].join(",")}` : data.toString());
    if (replies.length === 2) {
      console.log("client:", replies.join(" | "));
      client.close(4000, "done");
    }
  });
  client.on("close", (code, reason) => {
    console.log("client: close", code, reason.toString());
    wss.close(() => console.log("server:", serverLog.join(", "), "| closed"));
  });
});
