// Default export of a class, alongside a named export.
export default class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
}
export const ORIGIN = "origin";
