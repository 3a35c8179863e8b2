// Tests that typeof on a TDZ binding throws, unlike on an undeclared name.
console.log(typeof undeclaredName);
try {
  console.log(typeof later);
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
let later = "ok";
console.log(typeof later);
{
  try {
    typeof shadowed;
  } catch (e) {
    console.log("inner TDZ:", e.message);
  }
  let shadowed = 1;
}
