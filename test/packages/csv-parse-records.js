// csv-parse 7: the sync API (columns, casting, quotes, comments) and the stream API
// (records read from a Readable as they come).
const { parse: parseSync } = require("csv-parse/sync");
const { parse } = require("csv-parse");

const input = `name,age,city
# a comment
"Smith, John",42,"New ""York"""
Ada,36,London
`;
console.log(JSON.stringify(parseSync(input, { columns: true, comment: "#", cast: true })));
console.log(JSON.stringify(parseSync("a;b\n1;2\n", { delimiter: ";", from_line: 2 })));
try {
  parseSync('a,b\n"unclosed,1\n');
} catch (e) {
  console.log(e.code);
}

const records = [];
const parser = parse({ columns: true, trim: true });
parser.on("readable", () => {
  let record;
  while ((record = parser.read()) !== null) records.push(record);
});
parser.on("end", () => {
  console.log(JSON.stringify(records), parser.info.records, parser.info.lines);
});
parser.on("error", (e) => console.log("error", e.message));
parser.write("id, value\n1, one\n2,");
parser.write(" two\n3, three\n");
parser.end();
