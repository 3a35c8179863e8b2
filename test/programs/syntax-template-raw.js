// Tests raw strings in templates: escapes, invalid escapes in tagged templates, line continuations.
const raw = (s) => s.raw[0];
const cooked = (s) => s[0];
console.log(JSON.stringify(raw`\n\t\\`), JSON.stringify(cooked`\n\t\\`));
console.log(JSON.stringify(raw`\u0041\x41`), cooked`\u0041\x41`);
console.log(cooked`\101` === undefined, raw`\101`, cooked`\0`.length);
console.log(cooked`\unicode` === undefined, raw`\unicode`);
console.log(cooked`\xZZ` === undefined, raw`\xZZ`);
console.log(cooked`\u{110000}` === undefined, raw`\u{110000}`);
console.log(cooked`\u{1F600}`.length, raw`\u{1F600}`);
console.log(JSON.stringify(cooked`line1\
line2`), JSON.stringify(raw`line1\
line2`));
console.log(JSON.stringify(cooked`a
b`), JSON.stringify(raw`a
b`));
console.log(String.raw`C:\new\table`, String.raw`\${not sub}`, String.raw`\``);
console.log(String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3, 4));
console.log(String.raw({ raw: "abc" }, "-", "+"));
console.log(JSON.stringify(String.raw({ raw: [] })));
// untagged template cooks escapes
console.log(`tab\there`.length, `\u{41}\x42\u0043`);
// template with expressions that look like escapes
const n = "\\n";
console.log(`${n}`.length, String.raw`${n}`.length);
