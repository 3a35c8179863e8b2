// A richards-like operating-system scheduler: task control blocks in priority order, an
// idle task that releases two devices, a worker that fills work packets, two handlers
// that move their characters into device packets, two devices that hold a packet until
// released. Objects with methods, linked lists, short polymorphic calls.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
const IDLE = 0;
const WORKER = 1;
const HANDLER_A = 2;
const HANDLER_B = 3;
const DEVICE_A = 4;
const DEVICE_B = 5;
const KIND_DEVICE = 0;
const KIND_WORK = 1;

class Packet {
  constructor(link, id, kind) {
    this.link = link;
    this.id = id; // the task it goes to; on arrival, the task that sent it
    this.kind = kind;
    this.a1 = 0;
    this.a2 = [0, 0, 0, 0];
  }
  /** Appends this packet to `queue` (a list of packets, maybe null); returns the list. */
  addTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let p = queue;
    while (p.link !== null) p = p.link;
    p.link = this;
    return queue;
  }
}

class Tcb {
  constructor(link, id, pri, queue, task) {
    this.link = link;
    this.id = id;
    this.pri = pri;
    this.queue = queue;
    this.task = task;
    this.waiting = queue !== null;
    this.held = false;
  }
  runnable() {
    return !this.held && (!this.waiting || this.queue !== null);
  }
  run(s) {
    let packet = null;
    if (this.waiting && this.queue !== null) {
      packet = this.queue;
      this.queue = packet.link;
      this.waiting = false;
    }
    return this.task.run(s, packet);
  }
  /** A packet arrives from `current`: the task to run next (this one if it preempts). */
  receive(packet, current) {
    if (this.queue === null) {
      this.queue = packet;
      packet.link = null;
      if (this.pri > current.pri && !this.held) return this;
    } else this.queue = packet.addTo(this.queue);
    return current;
  }
}

class Scheduler {
  constructor() {
    this.list = null;
    this.table = [];
    this.current = null;
    this.queueCount = 0;
    this.holdCount = 0;
  }
  /** Tasks are added by increasing priority, so the list runs from the highest. */
  add(id, pri, queue, task) {
    const t = new Tcb(this.list, id, pri, queue, task);
    this.list = t;
    this.table[id] = t;
  }
  schedule() {
    this.current = this.list;
    while (this.current !== null) {
      if (this.current.runnable()) this.current = this.current.run(this);
      else this.current = this.current.link;
    }
  }
  release(id) {
    const t = this.table[id];
    t.held = false;
    return t.pri > this.current.pri ? t : this.current;
  }
  holdSelf() {
    this.holdCount++;
    this.current.held = true;
    return this.current.link;
  }
  waitPacket() {
    this.current.waiting = true;
    return this.current;
  }
  send(packet) {
    const to = this.table[packet.id];
    this.queueCount++;
    packet.id = this.current.id;
    return to.receive(packet, this.current);
  }
}

class IdleTask {
  constructor(count) {
    this.v1 = 1;
    this.count = count;
  }
  run(s) {
    if (--this.count === 0) return s.holdSelf();
    if ((this.v1 & 1) === 0) {
      this.v1 >>= 1;
      return s.release(DEVICE_A);
    }
    this.v1 = (this.v1 >> 1) ^ 0xd008;
    return s.release(DEVICE_B);
  }
}

class WorkerTask {
  constructor() {
    this.dest = HANDLER_A;
    this.letter = 0;
  }
  run(s, packet) {
    if (packet === null) return s.waitPacket();
    this.dest = this.dest === HANDLER_A ? HANDLER_B : HANDLER_A;
    packet.id = this.dest;
    packet.a1 = 0;
    for (let i = 0; i < 4; i++) {
      if (++this.letter > 26) this.letter = 1;
      packet.a2[i] = this.letter;
    }
    return s.send(packet);
  }
}

class HandlerTask {
  constructor() {
    this.work = null;
    this.devices = null;
  }
  run(s, packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.work = packet.addTo(this.work);
      else this.devices = packet.addTo(this.devices);
    }
    const w = this.work;
    if (w !== null) {
      if (w.a1 >= 4) {
        this.work = w.link;
        return s.send(w);
      }
      const d = this.devices;
      if (d !== null) {
        this.devices = d.link;
        d.a1 = w.a2[w.a1++];
        return s.send(d);
      }
    }
    return s.waitPacket();
  }
}

class DeviceTask {
  constructor() {
    this.kept = null;
    this.sum = 0;
  }
  run(s, packet) {
    if (packet === null) {
      if (this.kept === null) return s.waitPacket();
      const p = this.kept;
      this.kept = null;
      return s.send(p);
    }
    this.kept = packet;
    this.sum += packet.a1;
    return s.holdSelf();
  }
}

function runOnce(count) {
  const s = new Scheduler();
  s.add(IDLE, 0, null, new IdleTask(count));
  let work = new Packet(null, WORKER, KIND_WORK);
  work = new Packet(work, WORKER, KIND_WORK);
  s.add(WORKER, 1000, work, new WorkerTask());
  for (const [id, dev, pri] of [
    [HANDLER_A, DEVICE_A, 2000],
    [HANDLER_B, DEVICE_B, 3000],
  ]) {
    let q = new Packet(null, dev, KIND_DEVICE);
    q = new Packet(q, dev, KIND_DEVICE);
    q = new Packet(q, dev, KIND_DEVICE);
    s.add(id, pri, q, new HandlerTask());
  }
  const devA = new DeviceTask();
  const devB = new DeviceTask();
  s.add(DEVICE_A, 4000, null, devA);
  s.add(DEVICE_B, 5000, null, devB);
  s.table[DEVICE_A].waiting = true;
  s.table[DEVICE_B].waiting = true;
  s.schedule();
  return [s.queueCount, s.holdCount, devA.sum, devB.sum].join(" ");
}

let last = "";
for (let i = 0; i < 20; i++) last = runOnce(1000);
console.log(last);
console.log("@work", Math.round(now() - T0));
