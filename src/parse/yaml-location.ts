/**
 * From an editor position to a place in the configuration: the JSON path of the key or value
 * under the cursor (hover, definition, rename) and the path a new key or value would get
 * (completion, where the line being typed is often not yet valid YAML).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { JsonPath } from '../base/diagnostics.js';

export interface NodeAt {
  path: JsonPath;
  target: 'key' | 'value';
  /** The scalar's offsets in the text. */
  range: [number, number];
}

/** The scalar (key or value) that contains `offset`, with its path. */
export function nodeAtOffset(doc: Document, offset: number): NodeAt | undefined {
  return visit(doc.contents as Node | null, [], offset);
}

function visit(node: Node | null, path: JsonPath, offset: number): NodeAt | undefined {
  if (!node?.range || offset < node.range[0] || offset > node.range[1]) return undefined;
  if (isScalar(node)) return { path, target: 'value', range: [node.range[0], node.range[1]] };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) continue;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1]) return { path: [...path, name], target: 'key', range: [key.range[0], key.range[1]] };
      const found = visit(pair.value as Node | null, [...path, name], offset);
      if (found) return found;
    }
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const found = visit(item as Node | null, [...path, i], offset);
      if (found) return found;
    }
  }
  return undefined;
}

export interface CursorPlace {
  /** The mapping the cursor is in; for a list item being typed, the item itself (its index last). */
  parent: JsonPath;
  /** Set when the line reads `key: ` before the cursor: a value of `key` is being typed. */
  key?: string;
  /** The line is a list item (`- ` then the cursor) with no key yet: a value, or a mapping's first key. */
  item: boolean;
}

interface LineShape {
  indent: number;
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column of the key (or value) after the markers. */
  column: number;
  key?: string;
  /** Text after `key:` (or the whole text when there is no key), comments dropped. */
  rest: string;
}

function shape(line: string): LineShape | undefined {
  if (!line.trim() || /^\s*#/.test(line)) return undefined;
  const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(line) as RegExpExecArray;
  const indent = (m[1] as string).length;
  const dashes: number[] = [];
  let col = indent;
  for (const d of (m[2] as string).match(/-\s+/g) ?? []) {
    dashes.push(col);
    col += d.length;
  }
  const body = m[3] as string;
  const kv = /^("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s+(.*)|$)/.exec(body);
  const rest = (kv ? (kv[2] ?? '') : body).replace(/(^|\s)#.*$/, '').trim();
  return { indent, dashes, column: col, ...(kv ? { key: (kv[1] as string).replace(/^["']|["']$/g, '') } : {}), rest };
}

/**
 * The place of the cursor in block YAML, read from indentation alone (the text around the
 * cursor is being typed and may not parse): each line above with a smaller key column is a
 * parent; a `- ` marker opens a list item, whose index is the count of sibling markers above it.
 */
export function cursorPlace(text: string, line: number, character: number): CursorPlace {
  const lines = text.split('\n');
  const before = (lines[line] ?? '').slice(0, character);
  const here = shape(before) ?? { indent: before.length, dashes: [], column: before.length, rest: '' };
  const item = here.key === undefined && here.dashes.length > 0;
  return { parent: parentPath(lines, line, here), ...(here.key !== undefined ? { key: here.key } : {}), item };
}

function parentPath(lines: readonly string[], line: number, here: LineShape): JsonPath {
  const path: (string | number)[] = [];
  const openItems = (dashes: readonly number[], at: number): void => {
    // Inner markers on one line (`- - x`) each open the first item of a nested list.
    for (let d = dashes.length - 1; d >= 1; d--) path.unshift(0);
    if (dashes.length) path.unshift(siblingsAbove(lines, at, dashes[0] as number));
  };
  openItems(here.dashes, line);
  // The column whose owner is looked for, and whether it is a list marker's (a list may sit at its key's indentation).
  let column = here.dashes.length ? (here.dashes[0] as number) : here.column;
  let isDash = here.dashes.length > 0;
  for (let l = line - 1; l >= 0; l--) {
    const s = shape(lines[l] ?? '');
    if (!s) continue;
    const owner = s.key !== undefined && s.rest === '' && (s.column < column || (isDash && s.column === column && !s.dashes.includes(column)));
    if (owner) {
      path.unshift(s.key as string);
      openItems(s.dashes, l);
    } else if (!isDash && s.dashes.length && s.column === column) {
      // The first line of the list item the cursor is in: `- name: x` above `  type: y`.
      openItems(s.dashes, l);
    } else {
      continue;
    }
    column = s.dashes.length ? (s.dashes[0] as number) : s.column;
    isDash = s.dashes.length > 0;
  }
  return path;
}

/** How many list items at column `dash` come before line `line` in the same list. */
function siblingsAbove(lines: readonly string[], line: number, dash: number): number {
  let count = 0;
  for (let l = line - 1; l >= 0; l--) {
    const s = shape(lines[l] ?? '');
    if (!s) continue;
    if (s.dashes[0] === dash) count++;
    else if (s.column <= dash) break;
  }
  return count;
}

/** yaml's own tree of a text, with node ranges: what the editor navigates (hover, definition, rename). */
export type YamlTree = Document;

export function parseTree(text: string): YamlTree {
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false });
}
