// Tests an exception thrown in finally replacing the original exception.
function f() {
  try {
    throw new Error("original");
  } finally {
    throw new Error("from finally");
  }
}
try { f(); } catch (e) { console.log(e.message); }
function g() {
  try {
    throw new Error("try error");
  } catch (e) {
    throw new TypeError("catch error");
  } finally {
    console.log("g finally");
  }
}
try { g(); } catch (e) { console.log(e.name, e.message); }
function h() {
  try {
    return 1;
  } finally {
    throw "finally threw";
  }
}
try { console.log(h()); } catch (e) { console.log(e); }
