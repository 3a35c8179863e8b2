// Tests setters and getters found on the prototype chain.
var proto = {
  _name: "proto",
  get name() { return "name:" + this._name; },
  set name(v) { this._name = v.toUpperCase(); }
};
var child = Object.create(proto);
console.log(child.name);
child.name = "kid";
console.log(child.name, proto.name, child.hasOwnProperty("_name"), child.hasOwnProperty("name"));
var roProto = {};
Object.defineProperty(roProto, "locked", { value: "proto value", writable: false });
var c2 = Object.create(roProto);
c2.locked = "shadow attempt";
console.log(c2.locked, c2.hasOwnProperty("locked"));
Object.defineProperty(c2, "locked", { value: "defined own", enumerable: true });
console.log(c2.locked, Object.keys(c2));
