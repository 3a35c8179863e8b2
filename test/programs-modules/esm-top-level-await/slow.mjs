// A dependency that suspends on top-level await.
console.log("slow: start");
await new Promise((r) => setTimeout(r, 10));
console.log("slow: after timer");
export const slowValue = await Promise.resolve("slow value");
console.log("slow: done");
