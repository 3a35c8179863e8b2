// node:vm — code run in this context: runInThisContext, Script, compileFunction. The
// code is the program's own global code (an indirect eval: globals it declares with
// var or function become globals; let/const/class stay in the script). Jaunt cannot
// make a second context for a guest yet: createContext, runInNewContext and
// runInContext throw ERR_JAUNT_UNSUPPORTED, and isContext() is false.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");

const indirectEval = eval;

function validateCode(code, name = "code") {
  if (typeof code !== "string") throw ERR_INVALID_ARG_TYPE(name, "string", code);
}

function noContexts(name) {
  return nodeError(
    Error,
    "ERR_JAUNT_UNSUPPORTED",
    `vm.${name}: Jaunt cannot create a new context (only runInThisContext is supported)`,
  );
}

class Script {
  #code;
  constructor(code, options) {
    code = `${code}`; // as Node: the source is made a string
    if (options !== undefined && (options === null || typeof options !== "object"))
      if (typeof options !== "string") throw ERR_INVALID_ARG_TYPE("options", "object", options);
    this.#code = code;
  }
  runInThisContext() {
    return indirectEval(this.#code);
  }
  runInContext() {
    throw noContexts("Script.runInContext()");
  }
  runInNewContext() {
    throw noContexts("Script.runInNewContext()");
  }
  createCachedData() {
    return Buffer.alloc(0);
  }
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext();
}

function compileFunction(code, params = [], options = {}) {
  validateCode(code);
  if (!Array.isArray(params)) throw ERR_INVALID_ARG_TYPE("params", "Array", params);
  params.forEach((p, i) => {
    if (typeof p !== "string") throw ERR_INVALID_ARG_TYPE(`params[${i}]`, "string", p);
  });
  if (options && options.parsingContext !== undefined) throw noContexts("compileFunction()");
  return Function(...params, code);
}

function isContext(object) {
  if (object === null || typeof object !== "object")
    throw ERR_INVALID_ARG_TYPE("object", "Object", object);
  return false;
}

module.exports = {
  Script,
  runInThisContext,
  compileFunction,
  isContext,
  createContext() {
    throw noContexts("createContext()");
  },
  runInContext() {
    throw noContexts("runInContext()");
  },
  runInNewContext() {
    throw noContexts("runInNewContext()");
  },
  measureMemory() {
    return Promise.reject(noContexts("measureMemory()"));
  },
};
