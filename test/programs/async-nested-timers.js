// Tests nested setTimeout calls, same-delay FIFO order, and microtasks between timers.
const log = (m) => console.log(m);
function nest(level) {
  log("level " + level);
  if (level < 3) {
    setTimeout(() => nest(level + 1), 0);
    Promise.resolve().then(() => log("micro after level " + level));
  }
}
setTimeout(() => nest(0), 0);
setTimeout(() => log("sibling of level 0"), 0);
// timers with increasing delays fire in delay order
setTimeout(() => log("delay 80"), 80);
setTimeout(() => log("delay 40"), 40);
setTimeout(() => log("delay 120"), 120);
// a timer scheduling several timers: they keep FIFO order
setTimeout(() => {
  for (let i = 0; i < 3; i++) setTimeout(() => log("batch " + i), 0);
}, 160);
// clearing a timer from another timer, then starting an interval
let victim;
setTimeout(() => {
  clearTimeout(victim);
  log("cleared victim");
  let ticks = 0;
  const iv = setInterval(() => {
    ticks++;
    log("interval tick " + ticks);
    if (ticks === 3) clearInterval(iv);
  }, 20);
}, 200);
victim = setTimeout(() => log("victim ran (wrong)"), 400);
