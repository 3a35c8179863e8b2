// CommonJS module replacing module.exports with a function carrying properties.
function main() {
  return "called the default function";
}
main.extra = "extra prop";
module.exports = main;
