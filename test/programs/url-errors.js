// URL and URLSearchParams errors (receivers, tuples, symbols) and query edge cases.
try { Object.getOwnPropertyDescriptor(URL.prototype, "href").get.call({}); } catch (e) { console.log(e.name, e.message, e.code); }
try { URL.prototype.toString.call(1); } catch (e) { console.log(e.name, e.message, e.code); }
try { URLSearchParams.prototype.keys.call({}); } catch (e) { console.log(e.name, e.message, e.code); }
try { new URLSearchParams().entries().next.call({}); } catch (e) { console.log(e.name, e.message, e.code); }
try { new URLSearchParams().forEach.call({}, () => {}); } catch (e) { console.log(e.name, e.message, e.code); }
try { new URLSearchParams([1]); } catch (e) { console.log(e.name, e.message, e.code); }
try { new URLSearchParams({[Symbol()]: 1, a: Symbol()}); } catch (e) { console.log(e.name, e.message, e.code); }
console.log(new URLSearchParams(null).toString(), new URLSearchParams(12).toString(), new URLSearchParams("??a=1").toString());
const u = new URL("http://x/a?q=1#h"); u.search = ""; console.log(u.href, u.searchParams.size); u.searchParams.append("z", ""); console.log(u.href); u.searchParams.delete("z"); console.log(u.href);
