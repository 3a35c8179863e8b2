// url.resolve and url.format (legacy): RFC 3986's examples and Node's quirks.
const url = require("url");
const base = "http://a/b/c/d;p?q";
const rels = [
  "g",
  "./g",
  "g/",
  "/g",
  "//g",
  "?y",
  "g?y",
  "#s",
  "..",
  "../g",
  "../../../g",
  "",
  "https:/z",
];
console.log(rels.map((r) => url.resolve(base, r)).join(" "));
console.log(url.resolve("mailto:a@b.com", "c@d.com"), url.resolve("/one/two", "../x"));
console.log(url.resolve("one/two/three", "../../.."), url.resolve("http://u:p@h.com/a", "//o/p"));
console.log(
  url.format({ protocol: "http", host: "a.com", pathname: "x y", query: { a: [1, 2], b: "c d" } }),
);
console.log(
  url.format({ hostname: "::1", port: 80, protocol: "http:" }),
  url.format({ protocol: "file", pathname: "/a" }),
);
console.log(
  url.format({ auth: "u:p@ss w", host: "h", protocol: "https:", search: "x=1", hash: "y" }),
);
console.log(url.format({ pathname: "/a?b#c", search: "?q#r" }), url.format("http://a.com/x?y#z"));
console.log(
  url.format(new URL("http://u:p@xn--mnchen-3ya.de/p?q#h"), {
    auth: false,
    unicode: true,
    fragment: false,
  }),
);
const r = url.parse("http://a.com/x/y").resolveObject("../z?k=v");
console.log(r instanceof url.Url, r.href, r.search);
