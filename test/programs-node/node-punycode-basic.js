// node:punycode — encode/decode, IDNA conversion and UCS-2 helpers.
const punycode = require("punycode");
console.log(punycode.encode("mañana"), punycode.decode("maana-pta"), punycode.toASCII("mañana.com"), punycode.toUnicode("xn--maana-pta.com"));
console.log(punycode.ucs2.decode("☃😀"), punycode.ucs2.encode([0x1f600, 65]), Object.keys(punycode).join());
try { punycode.decode("\x81"); } catch (e) { console.log(e.name, e.message); }
