// Node's deprecated `constants` module: os.constants' dlopen, errno, priority and signal
// numbers, fs.constants and crypto.constants in one flat object, in Node's order.
// Each part is a host fact (the platform's numbers); crypto's module is not loaded.
"use strict";

const { hostCall } = require("jaunt:internals");
const { call } = require("internal/crypto/util");

const os = hostCall("os.constants", [], undefined, "os.constants");
Object.assign(
  exports,
  os.dlopen,
  os.errno,
  os.priority,
  os.signals,
  hostCall("fs.constants", [], undefined, "fs.constants"),
  call("constants", [], "crypto.constants"),
);
