const u = new URL("https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash");
console.log(u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
console.log(String(u), JSON.stringify({u}), Object.prototype.toString.call(u));
const sp = u.searchParams;
console.log(sp === u.searchParams, sp.get("a"), sp.size);
sp.append("b", "x y");
console.log(u.href);
u.search = "?z=1&z=2";
console.log(sp.getAll("z"), sp.has("z"), sp.has("z", "3"), sp.toString());
sp.delete("z");
console.log(u.href);
u.hash = "frag"; u.port = "99"; u.pathname = "/new path"; u.protocol = "http"; u.hostname = "ex.org"; u.username = "me";
console.log(u.href);
try { new URL("foo"); } catch (e) { console.log(e.name, e.message, e.code, e.input, Object.keys(e)); }
try { new URL("foo", "bar"); } catch (e) { console.log(Object.keys(e), e.base); }
console.log(URL.canParse("x:"), URL.canParse("/a"), URL.canParse("/a", "http://b"));
const p = new URLSearchParams("?b=2&a=1&c=3&a=0");
p.sort();
console.log(p.toString(), [...p], [...p.keys()], [...p.values()]);
p.set("a", "9");
console.log(String(p));
console.log(new URLSearchParams({x: 1, y: "two"}).toString(), new URLSearchParams([["k", "v"], new Set(["q", "r"])]).toString(), new URLSearchParams(new Map([["m", 1]])).toString());
p.forEach(function (v, k, o) { console.log(k, v, o === p, this.t); }, {t: 1});
try { new URLSearchParams([[1]]); } catch (e) { console.log(e.name, e.message); }
try { URL("x"); } catch (e) { console.log(e.message); }
console.log(new URL("http://a/b?c=d").toJSON(), new URL("../x", "http://h/a/b/c").href);
const obj = { toString() { return "http://obj.example/"; } };
console.log(new URL(obj).href, new URL("q", new URL("http://base/dir/")).href);
console.log(new URLSearchParams("a=%20b&c=%F0%9F%98%80+d").get("c"));
u.href = "https://new.example/?k=v";
console.log(sp.get("k"), u.search);
try { u.href = "nope"; } catch (e) { console.log(e.code, e.input); }
console.log(URL.parse("nope"), URL.parse("b", "http://a/").href, URL.parse.length);
