import { Parser } from 'yaml';

/** A `#` comment of the file: where it starts (at the `#`) and its text without the `#`. */
export interface Comment {
  /** Offset of the `#` in the text. */
  offset: number;
  /** Offset just past the comment's last character (the comment runs to the end of its line). */
  end: number;
  /** The text after `#`, untrimmed. */
  body: string;
}

/**
 * Every comment of the file, in document order. The YAML parser's concrete syntax tree decides what
 * is a comment, so a `#` inside a quoted string or a block scalar is not one. Works on broken YAML
 * too: the CST parser recovers where the document builder would give up.
 */
export function findComments(text: string): Comment[] {
  const out: Comment[] = [];
  const stack: unknown[] = [...new Parser().parse(text)];
  // Iterative walk: the CST of a hostile file can be deeper than the call stack.
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ offset: token.offset, end: token.offset + token.source.length, body: token.source.slice(1) });
      continue;
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
