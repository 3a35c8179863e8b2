// Small: tests switch with fallthrough and default.
var out = "";
switch (2) {
  case 1: out += "a";
  case 2: out += "b";
  case 3: out += "c"; break;
  default: out += "d";
}
console.log(out);
