// chalk 4 with colours forced off (FORCE_COLOR=0, level 0: text comes out plain), and
// an instance at level 1 to show the escape codes it would write.
process.env.FORCE_COLOR = "0";
const chalk = require("chalk");

console.log(chalk.level, chalk.supportsColor);
console.log(
  chalk.red("red"),
  chalk.bold.underline.blue("styled"),
  chalk`{green ok} {bgRed.white fail}`,
);
const ansi = new chalk.Instance({ level: 1 });
console.log(JSON.stringify(ansi.red("red")), JSON.stringify(ansi.bold.bgYellow("warn")));
console.log(
  JSON.stringify(ansi.rgb(255, 0, 0)("rgb")),
  JSON.stringify(ansi.hex("#00ff00").inverse("hex")),
);
const error = ansi.bold.red;
console.log(JSON.stringify(error(`nested ${ansi.green("green")} end`)));
