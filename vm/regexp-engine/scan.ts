// A quick structural scan of a pattern's source, shared by the engine's parser (it
// counts groups before reaching them) and the duplicate-group rewrite for the host.

/**
 * Indices of the characters that are neither inside a character class nor part of an
 * escape: where groups open and close and where alternatives split.
 */
export function* structuralIndices(src: string, vMode: boolean): Generator<number> {
  let classDepth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (classDepth > 0) {
      if (c === "]") classDepth--;
      else if (c === "[" && vMode) classDepth++;
      continue;
    }
    if (c === "[") {
      classDepth++;
      continue;
    }
    yield i;
  }
}
