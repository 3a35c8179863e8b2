// url: file URLs, urlToHttpOptions, domains, and the WHATWG classes re-exported.
const url = require("node:url");
console.log(
  url.fileURLToPath("file:///a/b%20c"),
  url.fileURLToPath(new URL("file:///x/%E2%82%AC")),
);
for (const bad of ["http://x/y", "file://host/x", "file:///a%2fb", 5]) {
  try {
    url.fileURLToPath(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(url.pathToFileURL("/a/b c/%#?").href, url.pathToFileURL("/tmp/dir/").href);
console.log(url.pathToFileURL("rel").href === new URL("rel", "file://" + process.cwd() + "/").href);
console.log(url.urlToHttpOptions(new URL("https://us%20er:p%40ss@[::1]:8443/p/a?x=1#h")));
for (const d of ["español.com", "xn--espaol-zwa.com", "EXAMPLE.com", "a b"])
  console.log(url.domainToASCII(d), url.domainToUnicode(d));
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams, Object.keys(url).join());
