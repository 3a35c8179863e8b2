// Tests the value of this in plain calls in sloppy versus strict functions.
function sloppy() { return typeof this; }
function strict() { "use strict"; return typeof this; }
console.log(sloppy(), strict());
function strictUndef() { "use strict"; return this === undefined; }
console.log(strictUndef());
var o = { s: sloppy, t: strict };
console.log(o.s(), o.t());
var detached = o.t;
console.log(detached());
function sloppyPrim() { return this instanceof Number; }
console.log(sloppyPrim.call(1));
function strictPrim() { "use strict"; return typeof this; }
console.log(strictPrim.call(1), strictPrim.call("x"), strictPrim.call(true));
