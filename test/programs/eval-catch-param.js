// Annex B.3.4: sloppy eval may declare `var e` inside `catch (e)`; a destructured
// catch parameter conflicts.
function simple() {
  try {
    throw 1;
  } catch (ce) {
    eval("var ce = 2");
    console.log("inside", ce);
  }
  return typeof ce;
}
console.log("after", simple());
function destructured() {
  try {
    throw [1];
  } catch ([ce]) {
    try {
      eval("var ce = 2");
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
}
destructured();
function blockLet() {
  {
    let b = 1;
    try {
      eval("var b");
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
}
blockLet();
