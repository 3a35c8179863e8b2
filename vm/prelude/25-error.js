// Error.prototype.toString (ECMA-262 20.5.3.4): `name` and `message` are read with
// [[Get]] (getters run) and converted with ToString, so it is self-hosted.

defineMethod(global.Error.prototype, "toString", {
  toString() {
    var o = this;
    if (!isObject(o)) {
      var shown = typeof o === "symbol" ? $.symbolDescriptiveString(o) : "" + o;
      throwTypeError("Method Error.prototype.toString called on incompatible receiver " + shown);
    }
    var name = o.name;
    name = name === undefined ? "Error" : toString(name);
    var msg = o.message;
    msg = msg === undefined ? "" : toString(msg);
    if (name === "") return msg;
    if (msg === "") return name;
    return name + ": " + msg;
  },
}.toString);
