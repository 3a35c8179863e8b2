// Tests JSON.stringify escaping of quotes, backslashes and control characters.
console.log(JSON.stringify('say "hi"'));
console.log(JSON.stringify("back\\slash"));
console.log(JSON.stringify("new\nline\ttab\rcr"));
console.log(JSON.stringify("\b\f"));
console.log(JSON.stringify("\u0001\u001f"));
console.log(JSON.stringify("caf\u00e9 ok"));
console.log(JSON.stringify({ "key with \"quotes\"": "v", "nl\nkey": 1 }));
console.log(JSON.stringify("</script>"), JSON.stringify("'single'"));
