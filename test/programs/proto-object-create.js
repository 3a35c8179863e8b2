// Tests Object.create for delegation and property shadowing.
var animal = {
  kind: "animal",
  speak: function () { return this.name + " makes a " + this.sound; }
};
var dog = Object.create(animal);
dog.name = "Rex";
dog.sound = "woof";
console.log(dog.speak(), dog.kind);
console.log(Object.getPrototypeOf(dog) === animal);
animal.kind = "creature";
console.log(dog.kind);
dog.kind = "dog";
console.log(dog.kind, animal.kind);
delete dog.kind;
console.log(dog.kind);
var bare = Object.create(null);
console.log(Object.getPrototypeOf(bare), typeof bare.toString);
var withProps = Object.create(animal, { name: { value: "Tom", enumerable: true }, sound: { value: "meow" } });
console.log(withProps.speak(), Object.keys(withProps));
