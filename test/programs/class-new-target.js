// Tests new.target in functions, classes, derived classes and Reflect.construct.
function F() {
  return { hasTarget: new.target !== undefined, isF: new.target === F };
}
console.log(JSON.stringify(F()));
console.log(JSON.stringify(new F()));
function Guard() {
  if (!new.target) return "called without new";
  this.ok = true;
}
console.log(Guard(), new Guard().ok);
class Shape {
  constructor() {
    this.created = new.target.name;
    if (new.target === Shape) this.abstract = true;
  }
}
class Circle extends Shape {}
class Unit extends Circle {
  constructor() {
    super();
    this.own = new.target === Unit;
  }
}
console.log(JSON.stringify(new Shape()));
console.log(JSON.stringify(new Circle()));
console.log(JSON.stringify(new Unit()));
// Reflect.construct with a different newTarget
class Other {}
const r = Reflect.construct(Shape, [], Other);
console.log(r.created, r instanceof Other, r instanceof Shape);
function Plain() {
  this.nt = new.target === Other;
}
const p = Reflect.construct(Plain, [], Other);
console.log(p.nt, Object.getPrototypeOf(p) === Other.prototype);
// new.target inside arrow functions refers to the enclosing function
function Outer() {
  const arrow = () => new.target;
  return { same: arrow() === Outer };
}
console.log(new Outer().same, Outer().same);
// new.target in a method call is undefined
const obj = {
  m() {
    return new.target;
  },
};
console.log(obj.m());
// abstract class pattern
class Abstract {
  constructor() {
    if (new.target === Abstract) throw new TypeError("abstract!");
  }
}
class Concrete extends Abstract {}
try {
  new Abstract();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(new Concrete() instanceof Abstract);
