// Module with a side effect and state: evaluated once per cache entry.
console.log("counter.js evaluated");
let count = 0;
module.exports = {
  inc() {
    return ++count;
  },
  get count() {
    return count;
  },
};
