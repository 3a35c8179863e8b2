// Stream classes whose stream machinery loads on first use. Loading readable-stream
// costs ~60,000 steps; Hash, Hmac, the ciphers and zlib's classes are Transform streams
// in Node, but most programs only call update()/digest() or zlibSync. So until a
// stream method is first looked up, their prototype's prototype is a proxy that stands
// for Transform.prototype: the first lookup (or `in`, or instanceof walking the chain)
// loads the streams and puts the real Transform.prototype in its place.
"use strict";

let Transform;

function transformClass() {
  if (Transform === undefined) {
    Transform = require("stream").Transform;
  }
  return Transform;
}

/** Makes `proto` inherit from Transform.prototype, loaded when first needed. */
function inheritTransformLazily(proto) {
  if (Transform !== undefined) {
    Object.setPrototypeOf(proto, Transform.prototype);
    return;
  }
  const real = () => {
    const T = transformClass().prototype;
    if (Object.getPrototypeOf(proto) !== T) Object.setPrototypeOf(proto, T);
    return T;
  };
  const standIn = new Proxy(Object.create(null), {
    get: (_, key, receiver) => Reflect.get(real(), key, receiver),
    has: (_, key) => key in real(),
    getPrototypeOf: () => real(),
    // Plain stores on instances (this.x = …) pass by here: they stay own data
    // properties of the receiver, and load nothing.
    set: (_, key, value, receiver) =>
      Object.defineProperty(receiver, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      }) !== undefined,
  });
  Object.setPrototypeOf(proto, standIn);
}

/**
 * Puts methods and writable slots (undefined) on a prototype, by plain assignment: do
 * it before the prototype inherits from the stand-in. Afterwards, an assignment there
 * (or to a slot an instance has not got yet) would reach the stand-in's set trap, and
 * Object.defineProperty costs as much (a few hundred steps each).
 */
function assignMethods(proto, methods, slots = []) {
  const keys = Reflect.ownKeys(methods);
  for (let i = 0; i < keys.length; i++) proto[keys[i]] = methods[keys[i]];
  for (let i = 0; i < slots.length; i++) proto[slots[i]] = undefined;
}

module.exports = { transformClass, inheritTransformLazily, assignMethods };
