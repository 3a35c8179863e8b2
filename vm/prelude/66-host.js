// The host boundary, guest side (vm/host-ops/gateway.ts is the host side): the module
// `jaunt:host`, one function per operation the embedder provides, and the job that
// runs a guest function for the host (vm.call).

/** The `jaunt:host` module: one object per program, shared by require and import. */
function hostModule() {
  var state = loaderState();
  if (state.host !== undefined) return state.host;
  var m = {};
  var names = $.hostNames();
  for (var i = 0; i < names.length; i++) m[names[i]] = hostOperation(names[i]);
  ObjectCtor.freeze(m);
  state.host = m;
  return m;
}

function hostOperation(name) {
  var f = function () {
    var args = [];
    for (var i = 0; i < arguments.length; i++) push(args, arguments[i]);
    var cap = newPromiseCapability(PromiseCtor);
    var r = $.hostCall(name, args, cap);
    return r === cap ? cap.promise : r;
  };
  ObjectCtor.defineProperty(f, "name", { value: name });
  return f;
}

// A job: calls fn(...args) for the host and reports the outcome (a promise's, if it
// returns one) to the host promise of vm.call with id `callId`.
$.callForHost = function callForHost(fn, args, callId) {
  var result;
  try {
    result = apply(fn, undefined, args);
  } catch (e) {
    $.hostCallDone(callId, false, e);
    return;
  }
  performThen(
    promiseResolve(PromiseCtor, result),
    function (v) {
      $.hostCallDone(callId, true, v);
    },
    function (e) {
      $.hostCallDone(callId, false, e);
    },
    undefined,
  );
};
