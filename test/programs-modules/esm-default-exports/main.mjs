// Tests default exports: functions, classes, expressions, arrows, `as default`, and default+named imports.
import greet from "./fn.mjs";
import anon from "./anon-fn.mjs";
import Point, { ORIGIN } from "./cls.mjs";
import AnonClass from "./anon-cls.mjs";
import exprDefault, { bump } from "./expr.mjs";
import double from "./arrow.mjs";
import liveDefault, { inc } from "./as-default.mjs";
import { default as greetAgain } from "./fn.mjs";

console.log(greet("world"), greet.name, greet === greetAgain);
console.log(anon(), anon.name);
console.log(String(new Point(1, 2)), Point.name, ORIGIN);
console.log(new AnonClass().kind(), AnonClass.name);
console.log(exprDefault, bump(), exprDefault);
console.log(double(21), double.name);
console.log(liveDefault);
inc();
inc();
console.log(liveDefault);
