const u = new URL("https://example.com/?a=1");
console.log({a: {b: u}});
console.log({a: {b: {c: u}}});
console.log({a: {b: {c: u.searchParams}}});
console.log({a: {b: u.searchParams}});
console.log([u]);
const long = new URLSearchParams("aaaaaaaaaaaaaaaaaa=bbbbbbbbbbbbbbbbbbbbbbb&cccccccccccccccccccccc=ddddddddddddddddddd&e=f");
console.log(long);
console.log({x: long});
console.log(new URLSearchParams("a='x'&b=\n"));
class MyURL extends URL {}
console.log(new MyURL("http://x/"));
const p = new URLSearchParams("q=1"); p.extra = 5; console.log(p);
console.log(new URL("http://a/").searchParams, new URLSearchParams(), [new URLSearchParams("a=1")]);
console.log(Object.getOwnPropertyNames(URL.prototype));
console.log(Object.getOwnPropertyNames(URLSearchParams.prototype).sort());
console.log(URL.length, URLSearchParams.length, Object.prototype.toString.call(new URL("x:y")));
try { new URL("foo"); } catch (e) { console.log(e.name, e.message, e.code, e.input); }
try { URLSearchParams.prototype.get.call({}, "a"); } catch (e) { console.log(e.name, e.message, e.code); }
try { new URLSearchParams().append("a"); } catch (e) { console.log(e.name, e.message, e.code); }
