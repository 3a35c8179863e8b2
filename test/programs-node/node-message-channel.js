// MessageChannel, MessagePort, MessageEvent and BroadcastChannel within one program:
// cloning, ordering, on()/addEventListener/onmessage, start, close events, transfer of
// ports, receiveMessageOnPort. Each part waits for the one before. (Node emits 'close'
// on a later turn that does not keep the program alive: no part waits for one.)
const wt = require("worker_threads");
console.log(wt.MessageChannel === MessageChannel, wt.MessagePort === MessagePort, wt.BroadcastChannel === BroadcastChannel);

async function emitterPorts() {
  const { port1, port2 } = new MessageChannel();
  console.log(port1 instanceof MessagePort, port1 instanceof EventTarget, typeof port1.on);
  const sent = { list: [1, 2, { deep: new Map([["k", new Date(0)]]) }], big: 10n };
  let count = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  port2.on("message", (value) => {
    count++;
    console.log("got", value, value === sent);
    Promise.resolve().then(() => console.log("microtask after", value));
    if (value === "last") port2.close();
    if (count === 4) finish();
  });
  port1.postMessage(sent);
  sent.list.push("changed after post");
  port1.postMessage("second");
  port1.postMessage("last");
  port1.postMessage("posted before the close");
  try {
    port1.postMessage(() => {});
  } catch (e) {
    console.log(e.name, e.message);
  }
  await finished;
  console.log("all delivered", count);
}

async function eventPorts() {
  const c2 = new MessageChannel();
  c2.port2.postMessage("sync 1");
  c2.port2.postMessage({ n: 2 });
  console.log(wt.receiveMessageOnPort(c2.port1), wt.receiveMessageOnPort(c2.port1), wt.receiveMessageOnPort(c2.port1));
  const done = new Promise((resolve) => {
    c2.port1.onmessage = (e) => {
      console.log("onmessage", e.constructor.name, e.data, e.ports.length);
      if (e.ports.length > 0) e.ports[0].postMessage("through a transferred port");
      else resolve();
    };
  });
  const c3 = new MessageChannel();
  c3.port1.addEventListener("message", (e) => {
    console.log("listener", e.data, e instanceof MessageEvent);
    c2.port2.postMessage("done");
  });
  c2.port2.postMessage("with port", [c3.port2]);
  await done;
  c2.port1.close();
  c3.port1.close();
}

async function broadcast() {
  const a = new BroadcastChannel("news");
  const b = new BroadcastChannel("news");
  const other = new BroadcastChannel("other");
  console.log(a.name, typeof a.postMessage);
  await new Promise((resolve) => {
    b.onmessage = (e) => {
      console.log("b got", e.data);
      resolve();
    };
    a.onmessage = () => console.log("a got its own message");
    other.onmessage = () => console.log("other got news");
    a.postMessage({ headline: "hello" });
  });
  a.close();
  b.close();
  other.close();
  try {
    a.postMessage("closed");
  } catch (err) {
    console.log(err.name, err.message);
  }
}

(async () => {
  try {
    new MessagePort();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  const ev = new MessageEvent("message", { data: { x: 1 } });
  console.log(ev.type, ev.data, ev.origin === "", ev.ports, ev instanceof Event);
  await emitterPorts();
  await eventPorts();
  await broadcast();
})();
