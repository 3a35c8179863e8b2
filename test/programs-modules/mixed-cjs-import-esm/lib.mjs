// ES module loaded from CommonJS via import().
console.log("lib.mjs evaluated");
export let state = "initial";
export function setState(v) {
  state = v;
}
export default class Widget {
  name() {
    return "widget from esm";
  }
}
