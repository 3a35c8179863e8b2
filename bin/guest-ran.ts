// Whether this process has run a guest program. The code cache (code-cache.ts) is
// written only by a run that did: it holds the functions compiled by the time the
// process exits, so a cache written by `vmrun --version` (the first command many
// people type) held a third of what a program needs, and as the tool's script then
// hit the cache, nothing ever rewrote it — every later run compiled the rest afresh
// (`vmrun hello.js` 8% more instructions). Kept on the process, not in this module:
// boot.ts's modules and the tool's bundle each have their own copy of it.

const RAN = Symbol.for("jaunt.guestRan");
type Marked = { [RAN]?: boolean };

/** Notes that a guest program runs in this process. */
export function noteGuestRan(): void {
  (process as unknown as Marked)[RAN] = true;
}

/** Whether noteGuestRan was called in this process. */
export function guestRan(): boolean {
  return (process as unknown as Marked)[RAN] === true;
}
