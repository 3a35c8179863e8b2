// CommonJS module whose exports.x assignments are detectable as named exports.
exports.alpha = "alpha";
exports.beta = function beta() {
  return "beta called";
};
exports.counter = 0;
exports.bump = function () {
  exports.counter++;
  return exports.counter;
};
