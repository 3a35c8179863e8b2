// Node's LazyTransform (lib/internal/streams/lazy_transform.js): Hash, Hmac and the
// ciphers are Transform streams whose stream state is made on first use, so the
// common update()/digest() path never pays for it (nor for loading the streams:
// internal/lazy-stream.js).
"use strict";

const { transformClass, inheritTransformLazily, assignMethods } = require("internal/lazy-stream");

function LazyTransform(options) {
  this._options = options;
}
assignMethods(LazyTransform.prototype, {}, ["_options"]);

function makeGetter(name) {
  return function () {
    transformClass().call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function makeSetter(name) {
  return function (val) {
    Object.defineProperty(this, name, {
      value: val,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  };
}

for (const name of ["_readableState", "_writableState", "_transformState"])
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name),
    set: makeSetter(name),
    configurable: true,
    enumerable: true,
  });

inheritTransformLazily(LazyTransform.prototype);

module.exports = { LazyTransform, assignMethods };
