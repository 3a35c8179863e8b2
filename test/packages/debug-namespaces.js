// debug: namespaces enabled through the DEBUG environment variable, colours and dates
// off, output on stderr (what node prints there must match too).
process.env.DEBUG = "app:*,-app:secret";
process.env.DEBUG_COLORS = "no";
process.env.DEBUG_HIDE_DATE = "yes";
const createDebug = require("debug");

const http = createDebug("app:http");
const db = createDebug("app:db");
const secret = createDebug("app:secret");
const other = createDebug("other");
http("listening on %d", 8080);
db("query %s took %dms: %o", "SELECT 1", 3, { rows: [1, 2] });
secret("hidden");
other("also hidden");
const child = http.extend("req");
child("GET %s", "/index.html");
console.log([http, db, secret, other, child].map((d) => `${d.namespace}=${d.enabled}`).join(" "));
createDebug.enable("other");
console.log(createDebug.enabled("other"), createDebug.enabled("app:http"));
other("now shown %j", { a: [1] });
