// Embedding Jaunt with host operations: the guest imports the embedder's functions
// from "jaunt:host"; an asynchronous one is a pending operation that a snapshot
// carries, and the resumed VM re-issues it. Run it with
//   npx tsc -p . && node dist/examples/embed-host.js

import { Jaunt, type HostHandle } from "../vm";

const users: Record<number, { id: number; name: string }> = { 7: { id: 7, name: "Ann" } };
let onEvent: HostHandle | undefined;

const host = {
  // Synchronous: the result is copied into the guest.
  add: (a: number, b: number) => a + b,
  // Asynchronous: the guest gets a promise; { id, name, args, startedAt } is pending.
  fetchUser: async (id: number) => {
    await new Promise((r) => setTimeout(r, 20));
    const u = users[id];
    if (!u) throw new RangeError(`no user ${id}`);
    return u;
  },
  // A guest function handed to the host arrives as an opaque handle.
  subscribe: (handler: HostHandle) => {
    onEvent = handler;
  },
};

const guest = `
import { add, fetchUser, subscribe } from "jaunt:host";
console.log("2 + 3 =", add(2, 3));
subscribe((event) => "guest saw " + event.kind);
try {
  await fetchUser(1);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
const user = await fetchUser(7);
console.log("hello,", user.name);
`;

async function main(): Promise<void> {
  const vm = Jaunt.create({ host, stdout: (s) => process.stdout.write("[guest] " + s) });
  vm.load(guest, "/app/main.mjs", "module");

  // Run until the guest waits on fetchUser(1): run() returns "waiting" with the
  // pending operations instead of blocking while host promises are in flight.
  const first = vm.run();
  console.log(first.status, first.pending);

  // The whole VM, pending operation included, as bytes. Resume it in a new VM whose
  // host re-issues fetchUser (it is idempotent), and run it on the event loop.
  const bytes = vm.snapshot();
  const resumed = Jaunt.resume(bytes, {
    host,
    onPending: { fetchUser: "reissue" },
    stdout: (s) => process.stdout.write("[resumed] " + s),
  });
  const done = await resumed.runAsync();
  console.log("resumed run:", done.status, "exit code", done.exitCode);

  // The host calls the guest's handler back: it runs as a job in the guest.
  if (onEvent) {
    const reply = resumed.call(onEvent, { kind: "click" });
    await resumed.runAsync();
    console.log(await reply);
  }
}

void main();
