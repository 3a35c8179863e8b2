// Replaces module.exports with a class.
class Person {
  constructor(name) {
    this.name = name;
  }
  hello() {
    return "hi, I am " + this.name;
  }
}
module.exports = Person;
