// The child's end of a fork's IPC channel: process.send, process.connected,
// process.disconnect, process.channel and the 'message'/'disconnect' events, loaded
// before the main program when the embedder runs it forked (vmrun under a parent's
// fork; the `ipc` option). As in Node, the channel keeps the program alive only while
// 'message' or 'disconnect' has listeners: a host read ("ipc.recv") waits only then.
"use strict";

const { hostCall } = require("jaunt:internals");
const { pending, setRef } = require("internal/host-io");
const ipc = require("internal/ipc");

const id = hostCall("ipc.open", [], undefined, "process.channel");

if (id !== null) {
  let cap = null; // the waiting read
  let listeners = 0; // 'message' and 'disconnect' listeners
  let ref = true; // process.channel.ref()/unref()

  const receive = () => {
    if (!process.connected || cap !== null || listeners === 0) return;
    const mine = pending("ipc.recv", [id], "process.on('message')", ref);
    cap = mine;
    mine.promise.then(
      (list) => {
        if (cap === mine) cap = null;
        if (list === undefined) return; // cancelled: nobody listens
        if (list === null) return ipc.disconnected(process);
        ipc.deliver(process, list);
        receive();
      },
      () => {
        if (cap === mine) cap = null;
        ipc.disconnected(process);
      },
    );
  };
  const stopReceiving = () => {
    if (cap === null) return;
    cap = null;
    hostCall("ipc.cancel", [id], undefined, "process.channel");
  };
  const counts = (name) => name === "message" || name === "disconnect";

  process.connected = true;
  process.send = function send(message, handle, options, callback) {
    return ipc.send(
      process,
      (json) => pending("ipc.send", [id, json], "process.send").promise,
      message,
      handle,
      options,
      callback,
    );
  };
  process.disconnect = function disconnect() {
    if (!process.connected) {
      process.emit("error", ipc.alreadyDisconnected());
      return;
    }
    stopReceiving();
    hostCall("ipc.disconnect", [id], undefined, "process.disconnect");
    ipc.disconnected(process);
  };
  process.channel = {
    ref() {
      ref = true;
      setRef(cap, true);
    },
    unref() {
      ref = false;
      setRef(cap, false);
    },
  };
  process.on("newListener", (name) => {
    if (!counts(name)) return;
    listeners++;
    receive();
  });
  process.on("removeListener", (name) => {
    if (counts(name) && --listeners === 0) stopReceiving();
  });
}
