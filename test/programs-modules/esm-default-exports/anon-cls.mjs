// Default export of an anonymous class.
export default class {
  kind() {
    return "anonymous class instance";
  }
}
