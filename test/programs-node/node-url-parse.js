// url.parse (legacy): hosts, auth, ports, query objects, slashesDenoteHost, escaping.
const url = require("url");
const show = (u) => JSON.stringify(Object.entries(u).filter(([, v]) => v !== null));
console.log(show(url.parse("HTTP://user:pa%20ss@Host.COM:8080/p/a/t/h?query=string#hash")));
console.log(show(url.parse("//host/path?x")), show(url.parse("//host/path?x", false, true)));
const q = url.parse("/s?a=1&b=2&a=3&c", true).query;
console.log(Object.getPrototypeOf(q), JSON.stringify(q), url.parse("/s", true).query);
console.log(show(url.parse("  http://a.com\\b\\c?d\\e f  ")));
console.log(show(url.parse("mailto:someone@example.com")), url.parse("javascript:alert(1)").path);
console.log(url.parse("http://[::1]:3000/x").hostname, url.parse("https://münchen.de/ü").href);
console.log(url.parse("http://x.com/a b<c>{d}").href, url.parse("http://a!b.com/").host);
try {
  url.parse(42);
} catch (e) {
  console.log(e.code, e.message);
}
