// url.parse/format/resolve edges of Node 20: a '#' after the query is still the hash;
// control characters are trimmed and tabs/line breaks dropped from the host part;
// auth is escaped as Node does (surrogate pairs whole, '$&+,;=' escaped); a same-protocol
// mailto: resolve drops the old auth; type errors name an anonymous function.
const url = require("url");
const qs = require("querystring");
const u = url.parse("/foo/bar?baz=quux#frag");
console.log(u.hash, u.search, u.pathname, u.href);
console.log(url.parse("\bhttp://example.com/\b").href);
const p = url.parse("http://a\r\" \t\n<'b:b@c\r\nd/e?f");
console.log(JSON.stringify([p.auth, p.host, p.pathname, p.href]));
console.log(url.format({ auth: "\uD83D\uDE00$&+,;=:x", host: "h" }));
console.log(url.resolve("mailto:user@example.org", "mailto:another.host.com"));
console.log(qs.escape("\uD801test"), qs.escape("a b\u00e9\u4e2d"));
try {
  qs.escape("\uD801");
} catch (e) {
  console.log(e.name, e.code);
}
try {
  url.parse(() => {});
} catch (e) {
  console.log(e.message);
}
