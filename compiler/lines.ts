// Source offsets to lines and columns. The parser runs without `locations` (which
// would give every node three more objects, doubling the syntax tree's memory);
// positions are computed from offsets here instead, with a sorted table of line starts.

/** Line starts of a source text, with line breaks as ECMAScript counts them. */
export class LineMap {
  private readonly starts: Int32Array;

  constructor(source: string) {
    const starts: number[] = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = Int32Array.from(starts);
  }

  /** Line (1-based) and column (0-based, in UTF-16 units) of an offset. */
  at(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] };
  }
}

/**
 * The line under a source line that points at column `col` (0-based) with a caret, as
 * node prints it under an error's source line: tabs before the column are kept, so
 * the caret lines up however wide a terminal draws a tab.
 */
export function caretUnder(sourceLine: string, col: number): string {
  let pad = "";
  for (let i = 0; i < col; i++) pad += sourceLine[i] === "\t" ? "\t" : " ";
  return pad + "^";
}
