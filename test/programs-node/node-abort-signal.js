// AbortController/AbortSignal: abort(), reason, onabort, throwIfAborted, any(), timeout().
const ac = new AbortController();
const s = ac.signal;
console.log(s.aborted, s.reason, s instanceof EventTarget, String(s), s.onabort);
s.onabort = (e) => console.log("onabort", e.type, e.isTrusted, e.target === s);
s.addEventListener("abort", () => console.log("listener", s.reason), { once: true });
ac.abort("because");
ac.abort("again");
console.log(s.aborted, s.reason);
try {
  s.throwIfAborted();
} catch (e) {
  console.log("thrown", e);
}
const d = AbortSignal.abort();
console.log(d.reason.name, d.reason.message, d.reason.code, d.reason instanceof DOMException);
const a1 = new AbortController();
const a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.addEventListener("abort", () => console.log("any", any.reason));
a2.abort("second");
console.log(AbortSignal.any([d]).aborted);
try {
  new AbortSignal();
} catch (e) {
  console.log(e.name, e.code, e.message);
}
const t = AbortSignal.timeout(5);
t.addEventListener("abort", () => console.log("timeout", t.reason.name, t.reason.message));
setTimeout(() => console.log("after", t.aborted), 30);
