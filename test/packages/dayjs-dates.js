// A date library from npm (dayjs) under Jaunt; fixed instants only, printed in UTC.
const dayjs = require("dayjs");
const utc = require("dayjs/plugin/utc");
dayjs.extend(utc);
const d = dayjs.utc("2024-02-28T13:45:30.123Z");
console.log(d.format(), d.format("YYYY-MM-DD HH:mm:ss.SSS dddd MMM"));
console.log(d.add(1, "day").format("YYYY-MM-DD"), d.add(1, "month").toISOString(), d.subtract(2, "year").year());
console.log(d.startOf("month").toISOString(), d.endOf("week").toISOString(), d.daysInMonth());
console.log(dayjs.utc("2024-03-01").diff(d, "hour"), d.isBefore(dayjs.utc("2025-01-01")), d.unix());
console.log(dayjs("not a date").isValid(), dayjs.utc(0).toJSON());
