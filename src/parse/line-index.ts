/**
 * Offsets to 1-based line and column. Built from the text itself rather than taken from yaml's
 * LineCounter, which only learns the lines its lexer reached: after some syntax errors it stops
 * early and would put positions past the end of their line.
 */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of a 1-based line (the text's length past the last line). */
  lineStart(line: number): number | undefined {
    return this.#starts[line - 1];
  }

  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.#starts[lo] as number) + 1 };
  }
}
