// Tests async arrows, async methods in objects/classes, `this` binding and async static methods.
const out = [];
const log = (m) => out.push(m);
const obj = {
  name: "obj",
  async method() {
    await null;
    return this.name;
  },
  arrowFactory() {
    return async () => {
      await null;
      return "arrow this: " + this.name;
    };
  },
};
obj.method().then((v) => log("method: " + v));
obj.arrowFactory()().then(log);
class Service {
  #secret = "s3cret";
  constructor(id) {
    this.id = id;
  }
  async fetch(n) {
    await new Promise((r) => setTimeout(r, n));
    return this.id + ":" + n;
  }
  async #priv() {
    return this.#secret;
  }
  async reveal() {
    return await this.#priv();
  }
  static async create(id) {
    await null;
    return new Service(id);
  }
}
(async () => {
  const s = await Service.create("svc");
  log("created " + s.id);
  log(await s.fetch(5));
  log("reveal " + (await s.reveal()));
  const results = await Promise.all([s.fetch(3), s.fetch(1)]);
  log("parallel " + results.join(","));
  const unbound = s.fetch;
  try {
    await unbound(1);
  } catch (e) {
    log("unbound method: " + e.constructor.name);
  }
  const arrowArgs = async (...a) => a.length;
  log("arrow args " + (await arrowArgs(1, 2, 3)));
  const immediate = await (async (x) => x * 2)(21);
  log("IIFE " + immediate);
  log("AsyncFunction: " + Object.getPrototypeOf(arrowArgs).constructor.name);
  log("toStringTag: " + Object.prototype.toString.call(obj.method));
  log("has prototype: " + ("prototype" in obj.method));
  console.log(out.join("\n"));
})();
