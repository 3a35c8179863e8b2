// Tests nested setTimeout calls, same-delay FIFO order, delay ordering, clearTimeout and setInterval.
const log = (m) => console.log(m);
function nest(level) {
  log("level " + level);
  if (level < 3) {
    setTimeout(() => nest(level + 1), 0);
    Promise.resolve().then(() => log("micro after level " + level));
  } else {
    phase2();
  }
}
setTimeout(() => nest(0), 0);
setTimeout(() => log("sibling of level 0"), 0);
// timers created together with different delays fire in delay order
function phase2() {
  setTimeout(() => log("delay 80"), 80);
  setTimeout(() => log("delay 40"), 40);
  setTimeout(() => {
    log("delay 120");
    phase3();
  }, 120);
}
// a timer scheduling several timers: they keep FIFO order; then clearing and intervals
let victim;
function phase3() {
  victim = setTimeout(() => log("victim ran (wrong)"), 400);
  setTimeout(() => {
    for (let i = 0; i < 3; i++)
      setTimeout(() => {
        log("batch " + i);
        if (i === 2) phase4();
      }, 0);
  }, 0);
}
function phase4() {
  clearTimeout(victim);
  log("cleared victim");
  let ticks = 0;
  const iv = setInterval(() => {
    ticks++;
    log("interval tick " + ticks);
    Promise.resolve().then(() => log("micro after tick " + ticks));
    if (ticks === 3) clearInterval(iv);
  }, 20);
}
