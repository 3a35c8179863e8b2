// Tests -0: printing, equality, division, String conversion and Math results.
var nz = -0;
console.log(nz, 0 * -5, -0 + 0, -0 - 0);
console.log(nz === 0, 1 / nz, 1 / 0);
console.log(String(nz), nz + "", `${nz}`, JSON.stringify(nz));
console.log(Math.round(-0.4), Math.ceil(-0.5), Math.trunc(-0.9), Math.sign(-0));
console.log(Math.max(-0, 0), Math.min(0, -0), Math.abs(-0));
console.log([-0], { z: -0 });
console.log((-0).toFixed(2), -0 < 0, Object.keys({ [-0]: 1 }));
console.log(-0 % 1, 0 / -3, -(0));
