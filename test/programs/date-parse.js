// Date.parse and new Date(string): ISO forms (date-only is UTC, date-time without an
// offset is local), the formats V8 accepts, round trips of its own output, and NaN.
const inputs = [
  "2022-03-01",
  "2022-03",
  "2022",
  "2022-03-01T10:00",
  "2022-03-01T10:00:00",
  "2022-03-01T10:00:00.5",
  "2022-03-01T10:00:00.123Z",
  "2022-03-01T10:00:00+05:30",
  "2022-03-01T10:00:00-0800",
  "+002022-03-01T10:00:00Z",
  "-000001-01-01T00:00:00Z",
  "-000000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "+275760-09-13T00:00:00.001Z",
  "2022-02-30",
  "2022-13-01",
  "2022-03-01T24:00:00Z",
  "2022-03-01T24:00:01Z",
  "2022-03-01 10:00",
  "Tue, 01 Mar 2022 10:00:00 GMT",
  "Tue Mar 01 2022 10:00:00 GMT+0000 (Coordinated Universal Time)",
  "Tue Mar 01 2022 10:00:00 GMT+0100",
  "Tue Mar 01 2022",
  "March 7, 2021",
  "Mar 7 2021 10:15 PM",
  "7 March 2021",
  "2021/03/07 10:00",
  "2021/03/07",
  "03/07/2021",
  "3/7/2021 14:30:15",
  "Sun, 07 Mar 2021 10:00:00 +0200",
  "Sun, 07 Mar 2021 10:00:00 EST",
  "Sun, 07 Mar 2021 10:00:00 PDT",
  "Thu, 01 Jan 1970 00:00:00 UTC",
  "1970-01-01T00:00:00.000+00:00",
  "  2022-03-01  ",
  "12:00",
  "hello",
  "",
  "2022-03-01T10:00:00ZZ",
  "Mon, 32 Jan 2022",
];
for (const s of inputs) console.log(JSON.stringify(s), Date.parse(s), new Date(s).getTime());

// Round trips of the formatters' output.
for (const t of [0, 1646128800123, -62198755200000, 253402300799999, 8.64e15, -8.64e15]) {
  const d = new Date(t);
  const back = [d.toString(), d.toUTCString(), d.toISOString(), d.toGMTString(), d.toDateString()].map((s) => Date.parse(s));
  console.log(t, back.join(" "));
}

// Arguments are converted with ToString.
console.log(Date.parse({ toString() { return "2000-01-01"; } }), Date.parse(0), Date.parse(), Date.parse(null), Date.parse(2022));
try {
  Date.parse(Symbol("s"));
} catch (e) {
  console.log(e.constructor.name, e.message);
}
