// Default export of a named function declaration (hoisted).
export default function greet(name) {
  return "hello " + name;
}
