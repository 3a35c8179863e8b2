// Tests holes (elisions) in array patterns and sparse arrays as sources.
const [, second, , fourth] = [1, 2, 3, 4, 5];
console.log(second, fourth);
const [, , third] = "abc";
console.log(third);
const [a, , b] = [1];
console.log(a, b);
const sparse = [, "x", , "y"];
const [h0 = "hole default", h1, h2 = "h2 default", h3] = sparse;
console.log(h0, h1, h2, h3);
console.log(sparse.length, 0 in sparse, 1 in sparse);
let p, q;
[, p, , q] = [10, 20, 30, 40];
console.log(p, q);
// elision still advances the iterator
let pulled = 0;
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() {
        pulled++;
        return { value: i++, done: i > 10 };
      },
    };
  },
};
const [, , , took] = iterable;
console.log(took, pulled);
const [, ...restAfterHole] = [1, 2, 3];
console.log(restAfterHole.join(","));
const [, , ...emptyRest] = [1];
console.log(emptyRest.length);
// holes only pattern
const [, ,] = [1, 2, 3];
console.log("holes-only pattern ok");
const fn = ([, x]) => x;
console.log(fn("ab"), fn([9, 8]));
