// Default export of an anonymous function declaration.
export default function () {
  return "anonymous default";
}
