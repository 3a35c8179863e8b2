// Unicode property escapes `\p{…}` answered by the host: one cached host RegExp per
// property expression tests a code point; properties of strings (v mode, e.g.
// `\p{RGI_Emoji}`) give the longest string at a position through a sticky host RegExp.

const valid = new Map<string, "chars" | "strings" | null>();
const testers = new Map<string, RegExp>();
const stringMatchers = new Map<string, RegExp>();
const wholeMatchers = new Map<string, RegExp>();

/** Whether `\p{name}` is a property of characters, of strings (v mode only), or invalid. */
export function isValidProperty(name: string, vMode: boolean): "chars" | "strings" | null {
  const key = `${vMode ? "v" : "u"}${name}`;
  let kind = valid.get(key);
  if (kind === undefined) {
    kind = null;
    try {
      new RegExp(`\\p{${name}}`, "u");
      kind = "chars";
    } catch {
      if (vMode) {
        try {
          new RegExp(`\\p{${name}}`, "v");
          kind = "strings";
        } catch {
          // neither
        }
      }
    }
    valid.set(key, kind);
  }
  return kind;
}

/**
 * Whether code point c has the property `name` (for a property of strings: whether
 * the one-character string c is among its strings).
 */
export function hasProperty(name: string, c: number, strings = false): boolean {
  let re = testers.get(name);
  if (!re) {
    re = new RegExp(`^\\p{${name}}$`, strings ? "v" : "u");
    testers.set(name, re);
  }
  return re.test(String.fromCodePoint(c));
}

/** Whether the property of strings `name` has the string s (under case folding with i). */
export function propertyHasString(name: string, s: string, ignoreCase: boolean): boolean {
  const key = (ignoreCase ? "i" : "") + name;
  let re = wholeMatchers.get(key);
  if (!re) {
    re = new RegExp(`^\\p{${name}}$`, ignoreCase ? "vi" : "v");
    wholeMatchers.set(key, re);
  }
  return re.test(s);
}

/**
 * The length of the longest string of the property of strings `name` (or, with
 * ignoreCase, one equal to it under case folding) starting at `pos` in s, or -1.
 */
export function matchPropertyOfStrings(
  name: string,
  ignoreCase: boolean,
  s: string,
  pos: number,
): number {
  const key = (ignoreCase ? "i" : "") + name;
  let re = stringMatchers.get(key);
  if (!re) {
    re = new RegExp(`\\p{${name}}`, ignoreCase ? "vyi" : "vy");
    stringMatchers.set(key, re);
  }
  re.lastIndex = pos;
  return re.test(s) ? re.lastIndex - pos : -1;
}
