// MessageChannel, MessagePort, MessageEvent and BroadcastChannel, Node 20's globals
// (also node:worker_threads'), between the ports of one program: a message is
// structured-cloned when posted and delivered on an immediate of its own, in order.
// A port is an EventTarget with Node's emitter methods (`on('message', value => …)`),
// and starts delivering when a 'message' listener is added or start() is called.
// Everything is guest data (queues, peers, listeners), so snapshots carry it.
// Unlike Node, an open port does not keep the program running: only messages in flight do.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS } = require("internal/errors");
const { Event, EventTarget, defineEventHandler } = require("internal/event-target");
const { inspect } = require("jaunt:internals");
// Taken at load: mock timers replace the global and node:timers' functions, not these.
const { setImmediate } = require("timers");

const kInspect = Symbol.for("nodejs.util.inspect.custom");
const kCreate = Symbol("kCreate");
const kEventTargetListeners = Symbol.for("jaunt.eventTargetListeners");

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS("type");
    super(type, options);
    this.#data = options?.data ?? null;
    this.#origin = `${options?.origin ?? ""}`;
    this.#lastEventId = `${options?.lastEventId ?? ""}`;
    this.#source = options?.source ?? null;
    this.#ports = [...(options?.ports ?? [])];
  }
  get data() {
    return this.#data;
  }
  get origin() {
    return this.#origin;
  }
  get lastEventId() {
    return this.#lastEventId;
  }
  get source() {
    return this.#source;
  }
  get ports() {
    return this.#ports;
  }
}
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, {
  value: "MessageEvent",
  configurable: true,
});

/** The payload a listener added with on()/once() gets: the data for message events. */
function emitterPayload(type, event) {
  return (type === "message" || type === "messageerror") && event instanceof MessageEvent
    ? event.data
    : event;
}

/** Clones a message, with MessagePorts of the transfer list passed through as they are. */
function cloneMessage(value, transfer) {
  if (transfer === undefined || transfer === null)
    return { data: structuredClone(value), ports: [] };
  if (typeof transfer !== "object" || typeof transfer[Symbol.iterator] !== "function")
    transfer = transfer.transfer ?? [];
  const list = [...transfer];
  const ports = list.filter((t) => t instanceof MessagePort);
  const rest = list.filter((t) => !(t instanceof MessagePort));
  return { data: structuredClone(value, { transfer: rest }), ports };
}

class MessagePort extends EventTarget {
  #peer = null;
  /** Messages received and not yet delivered: { data, ports } or "close". */
  #queue = [];
  #started = false;
  #closed = false;
  /** How many immediates that deliver this port's queue are scheduled. */
  #scheduled = 0;
  #ref = true;
  /** The wrappers of listeners added through the emitter methods, by listener. */
  #wrappers = new Map();

  constructor(key = undefined) {
    if (key !== kCreate)
      throw nodeError(TypeError, "ERR_CONSTRUCT_CALL_INVALID", "Constructor cannot be called");
    super();
  }

  static pair() {
    const a = new MessagePort(kCreate);
    const b = new MessagePort(kCreate);
    a.#peer = b;
    b.#peer = a;
    return [a, b];
  }

  postMessage(value, transfer = undefined) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS("message");
    const message = cloneMessage(value, transfer);
    const peer = this.#peer;
    if (this.#closed || peer === null) return;
    peer.#queue.push(message);
    peer.#schedule();
  }

  start() {
    this.#started = true;
    this.#schedule();
  }

  close() {
    if (this.#closed) return;
    const peer = this.#peer;
    this.#closed = true;
    this.#queue.push("close");
    this.#started = true;
    this.#schedule();
    if (peer !== null) {
      this.#peer = null;
      peer.#peer = null;
      peer.close();
    }
  }

  ref() {
    this.#ref = true;
  }
  unref() {
    this.#ref = false;
  }
  hasRef() {
    return this.#ref && !this.#closed;
  }

  /**
   * One immediate per message waiting (so the microtasks of a listener run before the
   * next message, as in Node); each delivers the oldest message. Messages already
   * received are delivered even once a listener closed the port, then its close.
   */
  #schedule() {
    if (!this.#started) return;
    for (; this.#scheduled < this.#queue.length; this.#scheduled++)
      setImmediate(() => {
        this.#scheduled--;
        this.#deliverOne();
      });
  }

  #deliverOne() {
    if (this.#queue.length === 0) return;
    const message = this.#queue.shift();
    if (message === "close") {
      this.#queue.length = 0;
      this.dispatchEvent(new Event("close"));
    } else
      this.dispatchEvent(new MessageEvent("message", { data: message.data, ports: message.ports }));
  }

  /** receiveMessageOnPort: the oldest message taken synchronously, or undefined. */
  static receive(port) {
    if (!(port instanceof MessagePort)) throw ERR_INVALID_ARG_TYPE("port", "MessagePort", port);
    const i = port.#queue.findIndex((m) => m !== "close");
    if (i < 0) return undefined;
    return { message: port.#queue.splice(i, 1)[0].data };
  }

  addEventListener(type, listener, options = undefined) {
    super.addEventListener(type, listener, options);
    if (`${type}` === "message") this.start();
  }

  // Node's emitter methods over the EventTarget (NodeEventTarget).
  on(type, listener) {
    type = `${type}`;
    const wrapper = (event) => listener.call(this, emitterPayload(type, event));
    this.#wrappers.set(listener, wrapper);
    this.addEventListener(type, wrapper);
    return this;
  }
  addListener(type, listener) {
    return this.on(type, listener);
  }
  once(type, listener) {
    type = `${type}`;
    const wrapper = (event) => {
      this.#wrappers.delete(listener);
      listener.call(this, emitterPayload(type, event));
    };
    this.#wrappers.set(listener, wrapper);
    this.addEventListener(type, wrapper, { once: true });
    return this;
  }
  off(type, listener) {
    const wrapper = this.#wrappers.get(listener);
    if (wrapper !== undefined) {
      this.#wrappers.delete(listener);
      this.removeEventListener(type, wrapper);
    } else this.removeEventListener(type, listener);
    return this;
  }
  removeListener(type, listener) {
    return this.off(type, listener);
  }
  emit(type, arg) {
    type = `${type}`;
    const had = this.listenerCount(type) > 0;
    const message = type === "message" || type === "messageerror";
    this.dispatchEvent(message ? new MessageEvent(type, { data: arg }) : new Event(type));
    return had;
  }
  listenerCount(type) {
    return this[kEventTargetListeners](type).length;
  }
  removeAllListeners(type = undefined) {
    const types = type === undefined ? ["message", "messageerror", "close"] : [`${type}`];
    for (const t of types)
      for (const listener of this[kEventTargetListeners](t)) this.removeEventListener(t, listener);
    this.#wrappers.clear();
    return this;
  }

  [kInspect](depth, options) {
    if (depth < 0) return "MessagePort";
    const shown = { active: !this.#closed, refed: this.#ref && !this.#closed };
    return `MessagePort ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
const pair = MessagePort.pair;
const receiveMessageOnPort = MessagePort.receive;
delete MessagePort.pair;
delete MessagePort.receive;
defineEventHandler(MessagePort.prototype, "message");
defineEventHandler(MessagePort.prototype, "messageerror");
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, {
  value: "MessagePort",
  configurable: true,
});
// Setting onmessage starts the port, as adding a listener does.
{
  const d = Object.getOwnPropertyDescriptor(MessagePort.prototype, "onmessage");
  const set = d.set;
  d.set = function (value) {
    set.call(this, value);
    if (typeof value === "function") this.start();
  };
  Object.defineProperty(MessagePort.prototype, "onmessage", d);
}

class MessageChannel {
  #port1;
  #port2;
  constructor() {
    [this.#port1, this.#port2] = pair();
  }
  get port1() {
    return this.#port1;
  }
  get port2() {
    return this.#port2;
  }
}
Object.defineProperty(MessageChannel.prototype, Symbol.toStringTag, {
  value: "MessageChannel",
  configurable: true,
});
for (const name of ["port1", "port2"])
  Object.defineProperty(MessageChannel.prototype, name, { enumerable: true });

/** Open BroadcastChannels by name (guest data). */
const channels = new Map();

class BroadcastChannel extends EventTarget {
  #name;
  #closed = false;

  constructor(name) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS("name");
    super();
    this.#name = `${name}`;
    let list = channels.get(this.#name);
    if (list === undefined) channels.set(this.#name, (list = []));
    list.push(this);
  }

  get name() {
    return this.#name;
  }

  postMessage(message) {
    if (arguments.length === 0) throw ERR_MISSING_ARGS("message");
    if (this.#closed) throw new DOMException("BroadcastChannel is closed.", "InvalidStateError");
    for (const other of channels.get(this.#name) ?? []) {
      if (other === this) continue;
      const data = structuredClone(message);
      setImmediate(() => {
        if (!other.#closed) other.dispatchEvent(new MessageEvent("message", { data }));
      });
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    const list = channels.get(this.#name);
    list.splice(list.indexOf(this), 1);
    if (list.length === 0) channels.delete(this.#name);
  }

  ref() {
    return this;
  }
  unref() {
    return this;
  }

  [kInspect](depth, options) {
    if (depth < 0) return "BroadcastChannel";
    const shown = { name: this.#name, active: !this.#closed };
    return `BroadcastChannel ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, "message");
defineEventHandler(BroadcastChannel.prototype, "messageerror");
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, {
  value: "BroadcastChannel",
  configurable: true,
});

module.exports = {
  MessageChannel,
  MessagePort,
  MessageEvent,
  BroadcastChannel,
  receiveMessageOnPort,
};
