// A host failure (a plain record { message, code, errno, syscall, … } from a runtime
// operation) as the Error Node would throw, with its fields in Node's order.
"use strict";

function hostError(e) {
  if (typeof e !== "object" || e === null || e instanceof Error || typeof e.message !== "string")
    return e;
  const err = new Error(e.message);
  for (const k of ["errno", "code", "syscall", "hostname", "path", "dest"])
    if (e[k] !== undefined) err[k] = e[k];
  return err;
}

module.exports = { hostError };
