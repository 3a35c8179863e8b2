// readline with terminal: true: keypress decoding (escape sequences split across
// chunks, modifiers), line editing (cursor keys, word moves, kill and yank, undo),
// history with prefix search, tab completion, and what is drawn on the output.
const readline = require("readline");
const { PassThrough } = require("stream");

const input = new PassThrough();
const output = new PassThrough();
let drawn = "";
output.on("data", (d) => (drawn += d));
const keys = [];
input.on("keypress", (s, k) => keys.push(`${k.name}${k.ctrl ? "+c" : ""}${k.meta ? "+m" : ""}${k.shift ? "+s" : ""}`));
const rl = readline.createInterface({
  input,
  output,
  terminal: true,
  prompt: "$ ",
  completer: (line) => [["alpha", "alps", "beta"].filter((c) => c.startsWith(line)), line],
});
rl.on("line", (line) => console.log("line", JSON.stringify(line), rl.history.length));
rl.prompt();
input.write("hello world");
input.write("\x1b[D\x1b[D\x1bb"); // left, left, meta+b
console.log("cursor", rl.cursor, JSON.stringify(rl.line));
input.write("\x1b");
input.write("[1;5C"); // ctrl+right, in two chunks
console.log("cursor", rl.cursor);
input.write("\x1bb\x0b"); // meta+b, ctrl+k kills the rest
input.write("\x01\x19"); // home, yank
console.log("yanked", JSON.stringify(rl.line), rl.cursor);
input.write("\x1f"); // undo
console.log("undone", JSON.stringify(rl.line));
input.write("\r\n");
input.write("second\r");
input.write("h\x1b[A"); // up searches history for "h"
console.log("history", JSON.stringify(rl.line));
input.write("\x1b[B\x15"); // down, ctrl+u
input.write("al");
input.write("\t");
console.log("completed", JSON.stringify(rl.line));
input.write("\t");
input.write("\t");
input.write("\x1b[3~\x1b[F\x7f\n");
console.log("keys", keys.join(" "));
console.log("drawn", JSON.stringify(drawn));
rl.close();
