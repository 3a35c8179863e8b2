// Default export of an expression: evaluated once, not a live binding.
let value = 1;
export default value * 100;
export function bump() {
  value++;
  return value;
}
